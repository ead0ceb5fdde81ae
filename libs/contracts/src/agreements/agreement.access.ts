import type { Actor } from '../common/envelope';
import { isAssignedTo, type PartnerResponsibility } from '../partners/partner.access';

/** Who is responsible for an agreement: the officer and the colleagues they named. */
export type AgreementResponsibility = PartnerResponsibility;

/**
 * May `actor` change this agreement (its terms, tranche plan, lifecycle)? Admins any; officers the
 * agreements they are responsible for or a delegate of. Enforced by agreements-service.
 */
export const canChangeAgreement = (actor: Actor, agreement: AgreementResponsibility): boolean =>
  actor.roles.includes('admin') || (actor.roles.includes('officer') && isAssignedTo(actor, agreement));

/** May `actor` hand the agreement over or name delegates? Admins, and its responsible officer. */
export const canAssignAgreement = (actor: Actor, agreement: AgreementResponsibility): boolean =>
  actor.roles.includes('admin') ||
  (actor.roles.includes('officer') && agreement.responsibleOfficerId === actor.userId);

/** Finance records invoices and money received on any agreement, and maintains the currency rates. */
export const canRecordFinance = (actor: Actor): boolean =>
  actor.roles.includes('finance') || actor.roles.includes('admin');

/** Roles that may draft an agreement. */
export const AgreementRegistrarRoles = ['admin', 'officer'] as const;
/** Roles that may record money received and rates. */
export const FinanceRoles = ['admin', 'finance'] as const;
