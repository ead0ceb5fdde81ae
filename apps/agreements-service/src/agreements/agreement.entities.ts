import type { Allocations, ReportingObligation } from '@pardev/contracts';
import { AggregateColumns } from '@pardev/persistence';
import { Column, Entity, PrimaryColumn, UpdateDateColumn, type ValueTransformer } from 'typeorm';

// bigint comes back from the driver as text; money in minor units stays below 2^53 (MinorAmountSchema).
const minorUnits: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
const percent: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number) => Number(value),
};

@Entity({ name: 'agreement' })
export class AgreementEntity extends AggregateColumns {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  reference!: string;

  @Column('text')
  title!: string;

  @Column({ name: 'partner_ids', type: 'uuid', array: true })
  partnerIds!: string[];

  @Column('text')
  type!: string;

  @Column({ name: 'funding_source', type: 'text' })
  fundingSource!: string;

  @Column({ name: 'earmarking_category', type: 'text' })
  earmarkingCategory!: string;

  @Column({ name: 'aid_type', type: 'text', nullable: true })
  aidType!: string | null;

  @Column({ name: 'flow_type', type: 'text', nullable: true })
  flowType!: string | null;

  @Column({ name: 'finance_type', type: 'text', nullable: true })
  financeType!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'total_minor', type: 'bigint', transformer: minorUnits })
  totalMinor!: number;

  @Column({ name: 'psc_rate', type: 'numeric', precision: 5, scale: 2, transformer: percent })
  pscRatePercent!: number;

  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn!: string | null;

  @Column({ name: 'start_on', type: 'date', nullable: true })
  startOn!: string | null;

  @Column({ name: 'end_on', type: 'date', nullable: true })
  endOn!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text', default: 'DRAFT' })
  status!: string;

  @Column({ name: 'status_reason', type: 'text', nullable: true })
  statusReason!: string | null;

  @Column({ name: 'responsible_officer_id', type: 'uuid', nullable: true })
  responsibleOfficerId!: string | null;

  @Column({ name: 'delegate_ids', type: 'uuid', array: true, default: () => "'{}'" })
  delegateIds!: string[];

  @Column({ type: 'jsonb' })
  allocations!: Allocations;

  /** Copies of the allocations the list filters on (indexed). */
  @Column({ name: 'recipient_countries', type: 'text', array: true, default: () => "'{}'" })
  recipientCountries!: string[];

  @Column({ name: 'recipient_regions', type: 'text', array: true, default: () => "'{}'" })
  recipientRegions!: string[];

  @Column({ name: 'pb_outcomes', type: 'text', array: true, default: () => "'{}'" })
  pbOutcomes!: string[];

  /** The total in US cents at `usdRate` (the UN rate of `usdRateMonth`); null while that rate is unknown. */
  @Column({ name: 'total_usd_minor', type: 'bigint', nullable: true, transformer: minorUnits })
  totalUsdMinor!: number | null;

  @Column({ name: 'usd_rate', type: 'text', nullable: true })
  usdRate!: string | null;

  @Column({ name: 'usd_rate_month', type: 'char', length: 7, nullable: true })
  usdRateMonth!: string | null;

  @Column({ name: 'received_minor', type: 'bigint', default: 0, transformer: minorUnits })
  receivedMinor!: number;

  @Column({ name: 'received_usd_minor', type: 'bigint', default: 0, transformer: minorUnits })
  receivedUsdMinor!: number;

  /** What the ILO promised to report to the partners (results-service works out the calendar). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  obligations!: ReportingObligation[];

  @Column({ name: 'search_text', type: 'text', default: '', select: false })
  searchText!: string;
}

@Entity({ name: 'tranche' })
export class TrancheEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'agreement_id', type: 'uuid' })
  agreementId!: string;

  @Column('int')
  sequence!: number;

  @Column({ name: 'planned_on', type: 'date' })
  plannedOn!: string;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: minorUnits })
  amountMinor!: number;

  @Column({ type: 'text', nullable: true })
  conditions!: string | null;

  @Column({ type: 'text', default: 'PLANNED' })
  status!: 'PLANNED' | 'INVOICED' | 'RECEIVED' | 'CANCELLED';

  @Column({ name: 'invoiced_on', type: 'date', nullable: true })
  invoicedOn!: string | null;

  @Column({ name: 'invoice_reference', type: 'text', nullable: true })
  invoiceReference!: string | null;

  @Column({ name: 'received_on', type: 'date', nullable: true })
  receivedOn!: string | null;

  @Column({ name: 'received_minor', type: 'bigint', nullable: true, transformer: minorUnits })
  receivedMinor!: number | null;

  @Column({ name: 'received_rate', type: 'text', nullable: true })
  receivedRate!: string | null;

  @Column({ name: 'received_rate_month', type: 'char', length: 7, nullable: true })
  receivedRateMonth!: string | null;

  @Column({ name: 'received_usd_minor', type: 'bigint', nullable: true, transformer: minorUnits })
  receivedUsdMinor!: number | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'currency_rate' })
export class CurrencyRateEntity {
  @PrimaryColumn({ type: 'char', length: 3 })
  currency!: string;

  @PrimaryColumn({ type: 'char', length: 7 })
  month!: string;

  @Column({ name: 'rate_per_usd', type: 'text' })
  ratePerUsd!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;
}

@Entity({ name: 'project' })
export class ProjectEntity extends AggregateColumns {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column({ name: 'iati_identifier', type: 'text' })
  iatiIdentifier!: string;

  /** Once published to IATI, the identifier never changes again. */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column('text')
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column('text')
  status!: string;

  @Column({ name: 'agreement_ids', type: 'uuid', array: true })
  agreementIds!: string[];

  @Column({ name: 'planned_start', type: 'date', nullable: true })
  plannedStart!: string | null;

  @Column({ name: 'planned_end', type: 'date', nullable: true })
  plannedEnd!: string | null;

  @Column({ name: 'actual_start', type: 'date', nullable: true })
  actualStart!: string | null;

  @Column({ name: 'actual_end', type: 'date', nullable: true })
  actualEnd!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  budgets!: { year: number; amountMinor: number }[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  expenditures!: {
    month: string;
    amountMinor: number;
    usd: { minor: number; ratePerUsd: string; rateMonth: string | null } | null;
  }[];

  @Column({ type: 'jsonb', nullable: true })
  essf!: {
    riskLevel: 'LOW' | 'MODERATE' | 'SUBSTANTIAL' | 'HIGH';
    screenedOn: string;
    mitigation: string | null;
  } | null;

  @Column({ name: 'seah_focal_point', type: 'jsonb', nullable: true })
  seahFocalPoint!: { name: string; email: string } | null;
}
