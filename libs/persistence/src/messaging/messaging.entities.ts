import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

// An event waiting to be published: written in the same transaction as the change it announces.
@Entity({ name: 'outbox' })
export class OutboxEntity {
  // Also the bus deduplication id (JetStream Nats-Msg-Id) and the consumers' inbox key.
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  subject!: string;

  @Column('jsonb')
  payload!: unknown;

  @Column('jsonb')
  headers!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Index('outbox_unpublished_idx')
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'attempts', type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}

// A message a consumer has already applied: recorded in the same transaction as its effect.
@Entity({ name: 'inbox' })
export class InboxEntity {
  @PrimaryColumn('text')
  consumer!: string;

  @PrimaryColumn({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Column('text')
  subject!: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}

// A message a consumer gave up on, with the reason; kept for operators to inspect and replay.
@Entity({ name: 'dead_letter' })
export class DeadLetterEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  consumer!: string;

  @Column({ name: 'message_id', type: 'text' })
  messageId!: string;

  @Column('text')
  subject!: string;

  @Column('jsonb')
  headers!: Record<string, string>;

  @Column('text')
  body!: string;

  @Column('text')
  reason!: string;

  @Column('int')
  attempts!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt!: Date | null;
}

export const messagingEntities = [OutboxEntity, InboxEntity, DeadLetterEntity];
