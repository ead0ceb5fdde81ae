import { Column, CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

// Every aggregate carries who/when and a version for optimistic concurrency (a stale write is a 409).
export abstract class AggregateColumns {
  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;
}
