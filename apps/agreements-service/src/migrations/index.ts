import { PartnerOptionBlocked1764231400000 } from './1764231400000-partner-option-blocked';
import { PartnerOptionTable1764230600000 } from './1764230600000-partner-option-table';
import { Agreements1764232000000 } from './1764232000000-agreements';
import { AgreementObligations1764232100000 } from './1764232100000-agreement-obligations';
import { Amendments1764232400000 } from './1764232400000-amendments';
import { Projects1764232500000 } from './1764232500000-projects';
import { AgreementTotalsIndexes1764232600000 } from './1764232600000-agreement-totals-indexes';
import { AgreementUsdSortIndex1764232700000 } from './1764232700000-agreement-usd-sort-index';
import { AgreementListEntry1764232800000 } from './1764232800000-agreement-list-entry';

export const agreementsMigrations = [
  PartnerOptionTable1764230600000,
  PartnerOptionBlocked1764231400000,
  Agreements1764232000000,
  AgreementObligations1764232100000,
  Amendments1764232400000,
  Projects1764232500000,
  AgreementTotalsIndexes1764232600000,
  AgreementUsdSortIndex1764232700000,
  AgreementListEntry1764232800000,
];
