import { PartnerTable1764230500000 } from './1764230500000-partner-table';
import { PartnerResponsibility1764231200000 } from './1764231200000-partner-responsibility';

export const partnersMigrations = [PartnerTable1764230500000, PartnerResponsibility1764231200000];
