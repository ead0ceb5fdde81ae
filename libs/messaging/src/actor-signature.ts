import { ActorSchema, Header, type Actor } from '@pardev/contracts';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import type { Headers } from './transports/transport';

/**
 * The acting user travels with each request in the `x-actor` header. Anyone on the bus could write
 * that header, so the gateway signs it (Ed25519) and every service verifies it before it believes
 * who is asking. Only the gateway holds the private key; services hold the public one.
 *
 * The signature covers the subject, message id, time, actor and a digest of the body, so it cannot
 * be lifted onto another message or another payload, and it goes stale after `maxAgeMs`.
 */
const DOMAIN = 'pardev-actor-v1';

const signedText = (subject: string, headers: Headers, body: string): Buffer =>
  Buffer.from(
    [
      DOMAIN,
      subject,
      headers[Header.MessageId] ?? '',
      headers[Header.OccurredAt] ?? '',
      headers[Header.Actor] ?? '',
      createHash('sha256').update(body).digest('base64'),
    ].join('\n'),
  );

// Keys are accepted as PEM or as one line of base64 DER (easier in an .env file or a secret).
const keyText = (key: string): { key: string | Buffer; format: 'pem' | 'der' } =>
  key.includes('-----BEGIN')
    ? { key, format: 'pem' }
    : { key: Buffer.from(key.trim(), 'base64'), format: 'der' };

export const parseSigningKey = (key: string): KeyObject => {
  const { key: material, format } = keyText(key);
  const parsed =
    format === 'pem'
      ? createPrivateKey(material)
      : createPrivateKey({ key: material, format: 'der', type: 'pkcs8' });
  if (parsed.asymmetricKeyType !== 'ed25519') throw new Error('the actor signing key must be an Ed25519 key');
  return parsed;
};

export const parseVerifyKey = (key: string): KeyObject => {
  const { key: material, format } = keyText(key);
  const parsed =
    format === 'pem'
      ? createPublicKey(material)
      : createPublicKey({ key: material, format: 'der', type: 'spki' });
  if (parsed.asymmetricKeyType !== 'ed25519') throw new Error('the actor verify key must be an Ed25519 key');
  return parsed;
};

const parses =
  (parse: (key: string) => KeyObject) =>
  (key: string): boolean => {
    try {
      parse(key);
      return true;
    } catch {
      return false;
    }
  };
/** For config validation: is this an Ed25519 private key the gateway can sign with? */
export const isSigningKey = parses(parseSigningKey);
/** For config validation: is this an Ed25519 public key a service can verify with? */
export const isVerifyKey = parses(parseVerifyKey);

/** A new key pair as one-line base64 DER strings: ACTOR_SIGNING_KEY (gateway), ACTOR_VERIFY_KEY (services). */
export const generateActorKeys = (): { signingKey: string; verifyKey: string } => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    signingKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    verifyKey: publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
};

/** Held by the gateway: adds `x-actor-signature` to a request that carries an actor. */
export class ActorSigner {
  private readonly key: KeyObject;

  constructor(signingKey: string) {
    this.key = parseSigningKey(signingKey);
  }

  sign(subject: string, headers: Headers, body: string): void {
    if (!headers[Header.Actor]) return;
    headers[Header.ActorSignature] = sign(null, signedText(subject, headers, body), this.key).toString(
      'base64',
    );
  }
}

export type ActorCheck =
  { readonly ok: true; readonly actor: Actor | undefined } | { readonly ok: false; readonly reason: string };

/** Held by every service: the actor of a request, if the gateway's signature on it checks out. */
export class ActorVerifier {
  private readonly key: KeyObject;

  constructor(
    verifyKey: string,
    private readonly maxAgeMs = 5 * 60_000,
  ) {
    this.key = parseVerifyKey(verifyKey);
  }

  check(subject: string, headers: Headers, body: string, now = Date.now()): ActorCheck {
    const raw = headers[Header.Actor];
    if (!raw) return { ok: true, actor: undefined };
    const signature = headers[Header.ActorSignature];
    if (!signature) return { ok: false, reason: 'the actor is not signed' };
    if (!verify(null, signedText(subject, headers, body), this.key, Buffer.from(signature, 'base64'))) {
      return { ok: false, reason: 'the actor signature does not match' };
    }
    const sentAt = Date.parse(headers[Header.OccurredAt] ?? '');
    if (!Number.isFinite(sentAt) || Math.abs(now - sentAt) > this.maxAgeMs) {
      return { ok: false, reason: 'the signed actor is too old (or from the future)' };
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return { ok: false, reason: 'the actor header is not JSON' };
    }
    const actor = ActorSchema.safeParse(parsed);
    return actor.success
      ? { ok: true, actor: actor.data }
      : { ok: false, reason: 'the actor header is malformed' };
  }
}
