import { DirectoryPartnerTable1764230700000 } from './1764230700000-directory-partner-table';
import { ReportingCalendar1764232200000 } from './1764232200000-reporting-calendar';

export const resultsMigrations = [DirectoryPartnerTable1764230700000, ReportingCalendar1764232200000];
