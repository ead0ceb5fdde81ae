import { Roles, type Role } from '@pardev/contracts';
import type { z } from 'zod';

export interface ApiRoute {
  readonly method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path template, e.g. `/api/v1/partners/{id}`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** `public`, or the roles of which the user needs one. */
  readonly access: 'public' | readonly Role[];
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** The body is a file of one of these media types rather than JSON. */
  readonly upload?: readonly string[];
  readonly success: { readonly status: number; readonly schema?: z.ZodType; readonly description: string };
  /** Error codes this route can answer with besides the ones every route can (see openapi.document.ts). */
  readonly errors?: readonly number[];
}

/** Every signed-in user, whatever their roles. */
export const anyone: readonly Role[] = Roles;
