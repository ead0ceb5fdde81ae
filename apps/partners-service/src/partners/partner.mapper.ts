import type { Partner, PartnerCategory, PartnerRegisteredV1, PartnerUpdatedV1 } from '@pardev/contracts';
import type { PartnerEntity } from './partner.entity';

export const toPartner = (entity: PartnerEntity): Partner => ({
  id: entity.id,
  name: entity.name,
  acronym: entity.acronym,
  organisationType: entity.organisationType,
  category: entity.category as PartnerCategory,
  country: entity.country,
  legalName: entity.legalName,
  iatiIdentifier: entity.iatiIdentifier,
  ownership: entity.ownership,
  region: entity.region,
  parentPartnerId: entity.parentPartnerId,
  tags: entity.tags,
  notes: entity.notes,
  responsibleOfficerId: entity.responsibleOfficerId,
  delegateIds: entity.delegateIds,
  status: entity.blocked ? 'BLOCKED' : entity.status,
  blockedForNewAgreements: entity.blocked,
  version: entity.version,
  createdAt: entity.createdAt.toISOString(),
  updatedAt: entity.updatedAt.toISOString(),
});

export const toPartnerRegistered = (partner: Partner): PartnerRegisteredV1 => ({
  partnerId: partner.id,
  name: partner.name,
  acronym: partner.acronym,
  organisationType: partner.organisationType,
  category: partner.category,
  country: partner.country,
  version: partner.version,
  registeredAt: partner.createdAt,
});

/** What updated.v1 carries: the partner's state as other services know it. */
export const announcedFields = (partner: Partner) => ({
  name: partner.name,
  acronym: partner.acronym,
  organisationType: partner.organisationType,
  category: partner.category,
  country: partner.country,
  responsibleOfficerId: partner.responsibleOfficerId,
  delegateIds: partner.delegateIds,
});

/** Everything a person can change: what the audit trail compares. */
export const auditedFields = (partner: Partner) => ({
  ...announcedFields(partner),
  legalName: partner.legalName,
  iatiIdentifier: partner.iatiIdentifier,
  ownership: partner.ownership,
  parentPartnerId: partner.parentPartnerId,
  status: partner.status,
  tags: partner.tags,
  notes: partner.notes,
});

export const toPartnerUpdated = (partner: Partner): PartnerUpdatedV1 => ({
  partnerId: partner.id,
  ...announcedFields(partner),
  version: partner.version,
  updatedAt: partner.updatedAt,
});
