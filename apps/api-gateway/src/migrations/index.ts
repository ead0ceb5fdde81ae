import { IdentityTables1764230800000 } from './1764230800000-identity-tables';
import { LoginAttempts1764230900000 } from './1764230900000-login-attempts';

export const gatewayMigrations = [IdentityTables1764230800000, LoginAttempts1764230900000];
