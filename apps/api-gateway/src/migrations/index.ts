import { IdentityTables1764230800000 } from './1764230800000-identity-tables';

export const gatewayMigrations = [IdentityTables1764230800000];
