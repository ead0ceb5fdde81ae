import type { CheckResult, CheckType, FlagCategory, FlagLevel } from '@pardev/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

// A check is never edited: a new check of the same type supersedes it (the history stays).
@Entity({ name: 'due_diligence_check' })
export class DueDiligenceCheckEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId!: string;

  @Column('text')
  type!: CheckType;

  @Column('text')
  result!: CheckResult;

  @Column({ name: 'checked_on', type: 'date' })
  checkedOn!: string;

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn!: string | null;

  @Column('text')
  evidence!: string;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ name: 'reviewer_id', type: 'text' })
  reviewerId!: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

@Entity({ name: 'partner_flag' })
export class PartnerFlagEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId!: string;

  @Column('text')
  level!: FlagLevel;

  @Column('text')
  category!: FlagCategory;

  @Column('text')
  comment!: string;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt!: Date;

  @Column({ name: 'raised_by', type: 'text' })
  raisedBy!: string;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  resolution!: string | null;
}
