import { PartnerOptionTable1764230600000 } from './1764230600000-partner-option-table';

export const agreementsMigrations = [PartnerOptionTable1764230600000];
