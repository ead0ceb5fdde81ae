import { MessagingTables1764230400000 } from './1764230400000-messaging-tables';

export const messagingMigrations = [MessagingTables1764230400000];
