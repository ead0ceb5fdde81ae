import { PartnerTable1764230500000 } from './1764230500000-partner-table';

export const partnersMigrations = [PartnerTable1764230500000];
