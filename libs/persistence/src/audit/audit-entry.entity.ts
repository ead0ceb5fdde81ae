import { Column, Entity, PrimaryColumn } from 'typeorm';

// One line of the audit trail (see AuditEntrySchema in @pardev/contracts). Append-only.
@Entity({ name: 'audit_entry' })
export class AuditEntryEntity {
  // UUIDv7: time-ordered, so it doubles as the "older than" cursor.
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column('text')
  source!: string;

  @Column({ name: 'actor_id', type: 'text', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column('text')
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId!: string | null;

  @Column('jsonb')
  changes!: { field: string; before?: unknown; after?: unknown }[];

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId!: string | null;
}
