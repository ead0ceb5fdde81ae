// The embedded bus on the wire: MQTT topics for our subjects, the frame that carries the envelope.
import type { MqttClient } from 'mqtt';
import type { Headers } from './transport';

export const RPC_PREFIX = 'rpc';
export const REPLY_PREFIX = 'rpc-reply';
export const EVENT_PREFIX = 'evt';
export const DEAD_LETTER_PREFIX = 'deadletter';
export const REPLY_TO = 'x-reply-to';
export const REQUEST_ID = 'x-request-id';

export const TOKEN = /^[A-Za-z0-9_-]+$/;

/** What travels in an MQTT payload: Aedes speaks MQTT 3.1.1, which has no user properties for headers. */
export interface Frame {
  readonly headers: Headers;
  /** The message body as JSON text. */
  readonly body: string;
}

export const encodeFrame = (frame: Frame): Buffer =>
  Buffer.from(JSON.stringify({ headers: frame.headers, body: frame.body }));

export const decodeFrame = (payload: Buffer): Frame => {
  const value = JSON.parse(payload.toString('utf8')) as { headers?: unknown; body?: unknown };
  const headers = value.headers;
  if (
    typeof value.body !== 'string' ||
    typeof headers !== 'object' ||
    headers === null ||
    Array.isArray(headers)
  ) {
    throw new Error('not a bus frame ({ headers, body })');
  }
  const result: Headers = {};
  for (const [key, header] of Object.entries(headers)) if (typeof header === 'string') result[key] = header;
  return { headers: result, body: value.body };
};

/** `partners.partner.get` → `partners/partner/get`. */
export const subjectToTopic = (subject: string): string => {
  const tokens = subject.split('.');
  if (!tokens.every((token) => TOKEN.test(token))) throw new Error(`"${subject}" is not a valid subject`);
  return tokens.join('/');
};

/** Subjects to topics: `rpc/<subject>`, `rpc-reply/<client id>`, `evt/<subject>`, `deadletter/<durable>/<subject>`. */
export class Topics {
  private readonly root: string;

  constructor(namespace: string | undefined) {
    this.root = namespace ? `${namespace}/` : '';
  }

  request(subject: string): string {
    return `${this.root}${RPC_PREFIX}/${subjectToTopic(subject)}`;
  }

  replies(clientId: string): string {
    return `${this.root}${REPLY_PREFIX}/${clientId}`;
  }

  isReplyTopic(topic: string): boolean {
    return topic.startsWith(`${this.root}${REPLY_PREFIX}/`);
  }

  event(subject: string): string {
    return `${this.root}${EVENT_PREFIX}/${subjectToTopic(subject)}`;
  }

  /** Every event topic (an MQTT wildcard): what a durable session holds before its consumer first starts. */
  allEvents(): string {
    return `${this.root}${EVENT_PREFIX}/#`;
  }

  deadLetter(durable: string, subject: string): string {
    return `${this.root}${DEAD_LETTER_PREFIX}/${durable}/${subjectToTopic(subject)}`;
  }

  subjectOfRequest(topic: string): string {
    return topic.slice(`${this.root}${RPC_PREFIX}/`.length).split('/').join('.');
  }

  subjectOfEvent(topic: string): string {
    return topic.slice(`${this.root}${EVENT_PREFIX}/`.length).split('/').join('.');
  }

  durableClientId(durable: string): string {
    return this.root ? `durable-${this.root.slice(0, -1)}-${durable}` : `durable-${durable}`;
  }
}

export const assertEventSubject = (subject: string): void => {
  if (subject.split('.').length !== 4)
    throw new Error(`"${subject}" is not an event subject (<context>.<aggregate>.<event>.v<N>)`);
};

// Same rule as on NATS, so a subject that works here works in production.
export const assertRequestSubject = (subject: string): void => {
  if (subject.split('.').length === 4)
    throw new Error(`"${subject}" is not a request subject (<context>.<aggregate>.<verb>, never 4 tokens)`);
};

export const withoutTransportHeaders = (headers: Headers): Headers => {
  const { [REPLY_TO]: _replyTo, [REQUEST_ID]: _requestId, ...rest } = headers;
  return rest;
};

export const withTimeout = <T>(promise: Promise<T>, ms: number, message: string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

export const redact = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'the embedded broker';
  }
};

/** Waits for the first CONNACK; fails fast (like the NATS client) instead of retrying forever. */
export const firstConnect = (client: MqttClient, url: string, timeoutMs: number): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const cleanup = (): void => {
      clearTimeout(timer);
      client.off('connect', onConnect);
      client.off('error', onFail);
      client.off('close', onClose);
    };
    const onConnect = (): void => {
      cleanup();
      resolve();
    };
    const onFail = (error: Error): void => {
      cleanup();
      client.end(true);
      reject(error);
    };
    const onClose = (): void => onFail(new Error(`cannot reach the embedded broker at ${redact(url)}`));
    const timer = setTimeout(
      () => onFail(new Error(`no answer from the embedded broker at ${redact(url)} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    client.on('connect', onConnect);
    client.on('error', onFail);
    client.on('close', onClose);
    client.connect();
  });
