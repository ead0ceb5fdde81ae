import type { Actor, SessionUser } from '@pardev/contracts';

/** Who is calling: the signed-in user and the session they used. */
export interface Principal {
  readonly user: SessionUser;
  readonly sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    // Set by AccessGuard once the session cookie checks out; absent on public routes without one.
    principal?: Principal;
  }
}

export const actorOf = (user: SessionUser): Actor => ({ userId: user.id, roles: [...user.roles] });

/** Who is acting and under which request: what the audit trail records with a change. */
export interface ActingCause {
  readonly actor: Actor;
  readonly correlationId: string;
}
