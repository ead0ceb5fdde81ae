import { PartnerTable1764230500000 } from './1764230500000-partner-table';
import { PartnerResponsibility1764231200000 } from './1764231200000-partner-responsibility';
import { DueDiligence1764231300000 } from './1764231300000-due-diligence';
import { PartnerProfile1764231500000 } from './1764231500000-partner-profile';
import { PartnerContacts1764231600000 } from './1764231600000-partner-contacts';
import { PartnerSearchText1764231700000 } from './1764231700000-partner-search-text';
import { PartnerImports1764231800000 } from './1764231800000-partner-imports';
import { PartnerTimeline1764232300000 } from './1764232300000-partner-timeline';

export const partnersMigrations = [
  PartnerTable1764230500000,
  PartnerResponsibility1764231200000,
  DueDiligence1764231300000,
  PartnerProfile1764231500000,
  PartnerContacts1764231600000,
  PartnerSearchText1764231700000,
  PartnerImports1764231800000,
  PartnerTimeline1764232300000,
];
