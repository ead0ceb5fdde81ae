import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from './session-token';

// A browser-session cookie (no Expires): the server decides expiry; closing the browser also ends it.
const cookieOptions = (secure: boolean): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  path: '/',
  secure,
});

export const setSessionCookie = (reply: FastifyReply, token: string, secure: boolean): void => {
  void reply.setCookie(SESSION_COOKIE, token, cookieOptions(secure));
};

export const clearSessionCookie = (reply: FastifyReply, secure: boolean): void => {
  void reply.clearCookie(SESSION_COOKIE, cookieOptions(secure));
};
