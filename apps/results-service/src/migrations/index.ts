import { DirectoryPartnerTable1764230700000 } from './1764230700000-directory-partner-table';

export const resultsMigrations = [DirectoryPartnerTable1764230700000];
