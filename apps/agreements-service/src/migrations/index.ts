import { PartnerOptionBlocked1764231400000 } from './1764231400000-partner-option-blocked';
import { PartnerOptionTable1764230600000 } from './1764230600000-partner-option-table';

export const agreementsMigrations = [PartnerOptionTable1764230600000, PartnerOptionBlocked1764231400000];
