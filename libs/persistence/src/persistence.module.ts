import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditTrail } from './audit/audit-trail';
import { openDatabase, type Database, type DatabaseOptions } from './database';

export const DATABASE = Symbol('DATABASE');

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  // Closing PGlite matters: an open instance keeps the process alive for ~15 s and holds the lock.
  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

@Module({})
export class PersistenceModule {
  /** Opens the database (and runs migrations) before anything that needs it is created. */
  static forRoot(options: DatabaseOptions & { readonly auditSource: string }): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: DATABASE, useFactory: () => openDatabase(options) },
        { provide: DataSource, useFactory: (db: Database) => db.dataSource, inject: [DATABASE] },
        {
          provide: AuditTrail,
          useFactory: (dataSource: DataSource) => new AuditTrail(dataSource, options.auditSource),
          inject: [DataSource],
        },
        DatabaseLifecycle,
      ],
      exports: [DATABASE, DataSource, AuditTrail],
    };
  }
}
