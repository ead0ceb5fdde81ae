import {
  ErrorCode,
  isRequestSubject,
  requestContracts,
  type Envelope,
  type RequestSubject,
} from '@pardev/contracts';
import type { ActorVerifier } from './actor-signature';
import { fromHeaders } from './envelope';
import { DomainError } from './errors';
import type { ReplyFrame } from './reply';
import type { InboundMessage, Reply } from './transports/transport';

export interface RequestContext {
  /** The request's envelope; `actor` is set only when the gateway's signature on it checked out. */
  readonly envelope: Envelope;
}

export type RequestHandlerFn = (payload: unknown, context: RequestContext) => Promise<unknown>;

const reply = (frame: ReplyFrame): Reply => ({ headers: {}, body: JSON.stringify(frame) });

/**
 * Checks who is asking (the signed actor), validates the request against its contract, runs the
 * handler and turns the outcome into a reply frame.
 */
export const processRequest = async (
  message: InboundMessage,
  handler: RequestHandlerFn,
  onUnexpected: (error: unknown, envelope: Envelope) => void,
  actors?: { readonly verifier: ActorVerifier; onRefused(reason: string, envelope: Envelope): void },
): Promise<Reply> => {
  const envelope = fromHeaders(message.headers);
  // Without a verifier nobody is believed: the handler sees no actor at all.
  delete envelope.actor;
  if (actors) {
    const check = actors.verifier.check(message.subject, message.headers, message.body);
    if (!check.ok) {
      actors.onRefused(check.reason, envelope);
      return reply({
        ok: false,
        error: { code: ErrorCode.Unauthenticated, message: `refused: ${check.reason}` },
      });
    }
    if (check.actor) envelope.actor = check.actor;
  }
  if (!isRequestSubject(message.subject)) {
    return reply({
      ok: false,
      error: { code: ErrorCode.NotFound, message: `unknown subject ${message.subject}` },
    });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(message.body);
  } catch {
    return reply({
      ok: false,
      error: { code: ErrorCode.ValidationFailed, message: 'the request body is not JSON' },
    });
  }
  const parsed = requestContracts[message.subject as RequestSubject].request.safeParse(payload);
  if (!parsed.success) {
    const error = DomainError.invalid(parsed.error, 'the request does not match its contract');
    return reply({ ok: false, error: { code: error.code, message: error.message, errors: error.errors } });
  }
  try {
    const data = await handler(parsed.data, { envelope });
    return reply({ ok: true, data });
  } catch (error) {
    if (error instanceof DomainError) {
      return reply({ ok: false, error: { code: error.code, message: error.message, errors: error.errors } });
    }
    onUnexpected(error, envelope);
    // No internals leave the service: the correlation id is what links the caller to our log.
    return reply({
      ok: false,
      error: {
        code: ErrorCode.Internal,
        message: `internal error (correlation id ${envelope.correlationId})`,
      },
    });
  }
};
