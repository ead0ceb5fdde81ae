import { newId } from '@pardev/persistence';

const SANE = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * The caller's `x-correlation-id` when it is safe to log and forward, else a new one. Anything
 * else (too long, other characters, repeated header) is replaced rather than trusted.
 */
export const correlationIdFrom = (header: string | string[] | undefined): string =>
  typeof header === 'string' && SANE.test(header) ? header : newId();
