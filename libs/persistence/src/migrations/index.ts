import { MessagingTables1764230400000 } from './1764230400000-messaging-tables';
import { AuditTrail1764231100000 } from './1764231100000-audit-trail';

/** Tables every service's database has: outbox, inbox, dead letters and the audit trail. */
export const sharedMigrations = [MessagingTables1764230400000, AuditTrail1764231100000];
