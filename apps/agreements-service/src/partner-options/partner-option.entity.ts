import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

// agreements-service's own copy of the partners it may put on an agreement, fed by partner events.
@Entity({ name: 'partner_option' })
export class PartnerOptionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'text', nullable: true })
  acronym!: string | null;

  @Column('text')
  category!: string;

  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  // The partner's version in partners-service: an older event never overwrites a newer copy.
  @Column({ name: 'source_version', type: 'int' })
  sourceVersion!: number;

  /** Blocked for new agreements (a red flag, an expired mandatory check), per partners-service. */
  @Column({ type: 'boolean', default: false })
  blocked!: boolean;

  @Column({ name: 'status_version', type: 'int', default: 0 })
  statusVersion!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
