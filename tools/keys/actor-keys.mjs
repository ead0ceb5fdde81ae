#!/usr/bin/env node
// Prints a new Ed25519 key pair for signing the acting user, as lines for a .env file:
//   npm run --silent actor-keys >> .env
// ACTOR_SIGNING_KEY goes to api-gateway only; ACTOR_VERIFY_KEY to every service.
// (The same format as generateActorKeys() in @pardev/messaging: one-line base64 DER.)
import { generateKeyPairSync } from 'node:crypto';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
process.stdout.write(
  [
    `ACTOR_SIGNING_KEY=${privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64')}`,
    `ACTOR_VERIFY_KEY=${publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`,
    '',
  ].join('\n'),
);
