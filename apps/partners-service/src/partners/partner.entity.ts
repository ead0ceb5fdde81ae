import { AggregateColumns } from '@pardev/persistence';
import type { BlockingReason } from '@pardev/contracts';
import type { IloRegion } from '@pardev/reference-data';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'partner' })
export class PartnerEntity extends AggregateColumns {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column({ type: 'text', nullable: true })
  acronym!: string | null;

  @Column({ name: 'organisation_type', type: 'text' })
  organisationType!: string;

  @Column('text')
  category!: string;

  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  @Column({ name: 'legal_name', type: 'text', nullable: true })
  legalName!: string | null;

  @Column({ name: 'iati_identifier', type: 'text', nullable: true })
  iatiIdentifier!: string | null;

  @Column({ type: 'text', default: 'PUBLIC' })
  ownership!: 'PUBLIC' | 'PRIVATE';

  /** The ILO region of `country`, kept beside it so lists can filter on it. */
  @Column({ type: 'text', nullable: true })
  region!: IloRegion | null;

  @Column({ name: 'parent_partner_id', type: 'uuid', nullable: true })
  parentPartnerId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  // The relationship manager; null until someone is assigned.
  @Column({ name: 'responsible_officer_id', type: 'uuid', nullable: true })
  responsibleOfficerId!: string | null;

  @Column({ name: 'delegate_ids', type: 'uuid', array: true, default: () => "'{}'" })
  delegateIds!: string[];

  /** Set by people: PROSPECT, ACTIVE or INACTIVE (BLOCKED is derived, see `blocked`). */
  @Column({ type: 'text', default: 'ACTIVE' })
  status!: 'PROSPECT' | 'ACTIVE' | 'INACTIVE';

  /** The due-diligence rules block new agreements (a red flag, an expired mandatory check). */
  @Column({ type: 'boolean', default: false })
  blocked!: boolean;

  @Column({ name: 'blocking_reasons', type: 'jsonb', default: () => "'[]'" })
  blockingReasons!: BlockingReason[];

  /** Lower-case names, identifier and contacts for the free-text search (see PartnersRepository). */
  @Column({ name: 'search_text', type: 'text', default: '', select: false })
  searchText!: string;
}
