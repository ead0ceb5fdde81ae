import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'partner_contact' })
export class ContactEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'text', nullable: true })
  role!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'focal_point', type: 'boolean', default: false })
  focalPoint!: boolean;

  @Column({ name: 'authorised_signatory', type: 'boolean', default: false })
  authorisedSignatory!: boolean;
}
