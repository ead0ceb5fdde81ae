import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

// results-service's partner directory: who funds what, for the portfolio read model and reports.
@Entity({ name: 'directory_partner' })
export class DirectoryPartnerEntity {
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

  @Column({ name: 'source_version', type: 'int' })
  sourceVersion!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
