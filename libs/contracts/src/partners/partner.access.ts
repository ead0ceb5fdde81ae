import type { Actor } from '../common/envelope';

/** Who is responsible for a partner: the relationship manager and the colleagues they named. */
export interface PartnerResponsibility {
  readonly responsibleOfficerId: string | null;
  readonly delegateIds: readonly string[];
}

// Roles are plain strings on the wire (an Actor header); these are the ones that matter here.
const isAdmin = (actor: Pick<Actor, 'roles'>): boolean => actor.roles.includes('admin');
const isOfficer = (actor: Pick<Actor, 'roles'>): boolean => actor.roles.includes('officer');

/** The responsible officer or a named delegate of the partner. */
export const isAssignedTo = (actor: Pick<Actor, 'userId'>, partner: PartnerResponsibility): boolean =>
  partner.responsibleOfficerId === actor.userId || partner.delegateIds.includes(actor.userId);

/**
 * May `actor` change this partner's profile? Admins may change any partner; an officer only the
 * partners where they are the responsible officer or a delegate; every other role reads only.
 * Enforced by partners-service; the admin uses the same rule to decide which buttons to show.
 */
export const canChangePartner = (actor: Actor, partner: PartnerResponsibility): boolean =>
  isAdmin(actor) || (isOfficer(actor) && isAssignedTo(actor, partner));

/** May `actor` hand the partner over or name delegates? Admins, and the responsible officer. */
export const canAssignPartner = (actor: Actor, partner: PartnerResponsibility): boolean =>
  isAdmin(actor) || (isOfficer(actor) && partner.responsibleOfficerId === actor.userId);
