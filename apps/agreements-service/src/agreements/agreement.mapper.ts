import type {
  Agreement,
  AgreementListItem,
  AgreementStatus,
  AgreementUpdatedV1,
  Tranche,
  UsdEquivalent,
} from '@pardev/contracts';
import type { PartnerOptionEntity } from '../partner-options/partner-option.entity';
import type { AgreementEntity, TrancheEntity } from './agreement.entities';

const usdOf = (minor: number | null, rate: string | null, month: string | null): UsdEquivalent | null =>
  minor === null || rate === null ? null : { minor, ratePerUsd: rate, rateMonth: month };

const partnersOf = (entity: AgreementEntity, directory: ReadonlyMap<string, PartnerOptionEntity>) =>
  entity.partnerIds.map((id) => {
    const partner = directory.get(id);
    return {
      id,
      name: partner?.name ?? '(unknown partner)',
      acronym: partner?.acronym ?? null,
      blockedForNewAgreements: partner?.blocked ?? false,
    };
  });

export const toAgreement = (
  entity: AgreementEntity,
  directory: ReadonlyMap<string, PartnerOptionEntity>,
  overdueTranches: number,
): Agreement => ({
  id: entity.id,
  reference: entity.reference,
  title: entity.title,
  partners: partnersOf(entity, directory),
  type: entity.type,
  fundingSource: entity.fundingSource,
  earmarkingCategory: entity.earmarkingCategory,
  aidType: entity.aidType,
  flowType: entity.flowType,
  financeType: entity.financeType,
  currency: entity.currency,
  totalMinor: entity.totalMinor,
  totalUsd: usdOf(entity.totalUsdMinor, entity.usdRate, entity.usdRateMonth),
  pscRatePercent: entity.pscRatePercent,
  signedOn: entity.signedOn,
  startOn: entity.startOn,
  endOn: entity.endOn,
  description: entity.description,
  status: entity.status as AgreementStatus,
  statusReason: entity.statusReason,
  responsibleOfficerId: entity.responsibleOfficerId,
  delegateIds: entity.delegateIds,
  allocations: entity.allocations,
  receivedMinor: entity.receivedMinor,
  receivedUsdMinor: entity.receivedUsdMinor,
  overdueTranches,
  version: entity.version,
  createdAt: entity.createdAt.toISOString(),
  updatedAt: entity.updatedAt.toISOString(),
});

export const toListItem = (agreement: Agreement): AgreementListItem => ({
  id: agreement.id,
  reference: agreement.reference,
  title: agreement.title,
  partners: agreement.partners,
  fundingSource: agreement.fundingSource,
  currency: agreement.currency,
  totalMinor: agreement.totalMinor,
  totalUsd: agreement.totalUsd,
  receivedMinor: agreement.receivedMinor,
  startOn: agreement.startOn,
  endOn: agreement.endOn,
  status: agreement.status,
  responsibleOfficerId: agreement.responsibleOfficerId,
  overdueTranches: agreement.overdueTranches,
  version: agreement.version,
  updatedAt: agreement.updatedAt,
});

/** What every agreement event carries: the agreement as other services know it. */
export const agreementState = (entity: AgreementEntity): Omit<AgreementUpdatedV1, 'updatedAt'> => ({
  agreementId: entity.id,
  reference: entity.reference,
  title: entity.title,
  partnerIds: entity.partnerIds,
  fundingSource: entity.fundingSource,
  currency: entity.currency,
  totalMinor: entity.totalMinor,
  startOn: entity.startOn,
  endOn: entity.endOn,
  status: entity.status as AgreementStatus,
  responsibleOfficerId: entity.responsibleOfficerId,
  version: entity.version,
});

/** Everything a person can change: what the audit trail compares. */
export const auditedFields = (entity: AgreementEntity) => ({
  title: entity.title,
  partnerIds: entity.partnerIds,
  type: entity.type,
  fundingSource: entity.fundingSource,
  earmarkingCategory: entity.earmarkingCategory,
  aidType: entity.aidType,
  flowType: entity.flowType,
  financeType: entity.financeType,
  currency: entity.currency,
  totalMinor: entity.totalMinor,
  pscRatePercent: entity.pscRatePercent,
  signedOn: entity.signedOn,
  startOn: entity.startOn,
  endOn: entity.endOn,
  description: entity.description,
  status: entity.status,
  statusReason: entity.statusReason,
  responsibleOfficerId: entity.responsibleOfficerId,
  delegateIds: entity.delegateIds,
  allocations: entity.allocations,
  obligations: entity.obligations,
});

export const toTranche = (entity: TrancheEntity, today: string): Tranche => ({
  id: entity.id,
  agreementId: entity.agreementId,
  sequence: entity.sequence,
  plannedOn: entity.plannedOn,
  amountMinor: entity.amountMinor,
  conditions: entity.conditions,
  status:
    (entity.status === 'PLANNED' || entity.status === 'INVOICED') && entity.plannedOn < today
      ? 'OVERDUE'
      : entity.status,
  invoicedOn: entity.invoicedOn,
  invoiceReference: entity.invoiceReference,
  receivedOn: entity.receivedOn,
  receivedMinor: entity.receivedMinor,
  receivedUsd: usdOf(entity.receivedUsdMinor, entity.receivedRate, entity.receivedRateMonth),
  cancelReason: entity.cancelReason,
});
