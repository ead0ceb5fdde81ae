import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { randomBytes, randomInt } from 'node:crypto';

// Argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane).
// `Algorithm` is an ambient const enum, which isolatedModules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
export const PASSWORD_HASH_OPTIONS: Options = {
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

export const MIN_PASSWORD_LENGTH = 12;

export const hashPassword = (password: string): Promise<string> => hash(password, PASSWORD_HASH_OPTIONS);

/** False for a wrong password and for a malformed hash: neither may sign anyone in. */
export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

// Unambiguous characters only (no 0/O, 1/l/I): the generated password is read off a terminal.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export const generatePassword = (length = 20): string =>
  Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/**
 * A hash of nothing anyone knows. Checking an unknown e-mail's password against it costs the same
 * time as a real check, so response times do not reveal which e-mails have accounts.
 */
export const createDummyHash = (): Promise<string> => hashPassword(randomBytes(32).toString('base64url'));
