import {
  ErrorCode,
  requestContracts,
  type Actor,
  type RequestOf,
  type RequestSubject,
  type ResponseOf,
} from '@pardev/contracts';
import type { ActorSigner } from './actor-signature';
import { causedBy, toHeaders } from './envelope';
import { RemoteError } from './errors';
import { parseReplyFrame } from './reply';
import { NoRespondersError, TransportTimeoutError, type Transport } from './transports/transport';

export interface RequestOptions {
  readonly actor?: Actor | undefined;
  readonly correlationId?: string | undefined;
  readonly timeoutMs?: number | undefined;
}

/** Typed request-reply: an unknown subject or a wrong payload does not compile. */
export class MessageBus {
  constructor(
    private readonly transport: Transport,
    private readonly producer: string,
    private readonly defaultTimeoutMs = 5_000,
    // The gateway signs the acting user; without a signer an actor reaches services unsigned (refused).
    private readonly signer?: ActorSigner,
  ) {}

  async request<S extends RequestSubject>(
    subject: S,
    payload: RequestOf<S>,
    options: RequestOptions = {},
  ): Promise<ResponseOf<S>> {
    const envelope = causedBy(this.producer);
    if (options.correlationId) envelope.correlationId = options.correlationId;
    if (options.actor) envelope.actor = options.actor;
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const headers = toHeaders(envelope);
    const requestBody = JSON.stringify(payload);
    this.signer?.sign(subject, headers, requestBody);
    let body: string;
    try {
      const reply = await this.transport.request(subject, requestBody, headers, timeoutMs);
      body = reply.body;
    } catch (error) {
      if (error instanceof TransportTimeoutError)
        throw new RemoteError(ErrorCode.Timeout, `${subject} did not answer in time`);
      if (error instanceof NoRespondersError)
        throw new RemoteError(ErrorCode.ServiceUnavailable, `no service answers ${subject}`);
      throw new RemoteError(
        ErrorCode.ServiceUnavailable,
        `the bus is unavailable: ${(error as Error).message}`,
      );
    }
    const frame = parseReplyFrame(body);
    if (!frame.ok) throw new RemoteError(frame.error.code, frame.error.message, frame.error.errors);
    // The responder is another process: check what it sent against the contract.
    const parsed = requestContracts[subject].response.safeParse(frame.data);
    if (!parsed.success) {
      throw new RemoteError(ErrorCode.Internal, `${subject} answered with a reply that breaks its contract`);
    }
    return parsed.data as ResponseOf<S>;
  }
}
