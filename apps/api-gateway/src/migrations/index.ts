import { IdentityTables1764230800000 } from './1764230800000-identity-tables';
import { LoginAttempts1764230900000 } from './1764230900000-login-attempts';
import { FinanceAndAuditorRoles1764231000000 } from './1764231000000-finance-and-auditor-roles';
import { SavedViews1764231900000 } from './1764231900000-saved-views';

export const gatewayMigrations = [
  IdentityTables1764230800000,
  LoginAttempts1764230900000,
  FinanceAndAuditorRoles1764231000000,
  SavedViews1764231900000,
];
