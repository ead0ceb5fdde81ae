import { Header, ProblemDetailsSchema } from '@pardev/contracts';
import type { z } from 'zod';
import { ApiError, codeForStatus } from './api-error';

export { ApiError, isApiError } from './api-error';

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface ApiRequestOptions<S extends z.ZodType | undefined> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: QueryParams;
  body?: unknown;
  /** A file sent as it is (an upload) instead of a JSON body, with its media type. */
  raw?: { content: Blob | string; contentType: string } | undefined;
  /** Response schema from @pardev/contracts; omit for 204 responses. */
  schema?: S;
  signal?: AbortSignal | undefined;
}

type ResultOf<S extends z.ZodType | undefined> = S extends z.ZodType ? z.output<S> : undefined;

export const buildUrl = (path: string, query?: QueryParams): string => {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

const readJson = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const toApiError = async (response: Response): Promise<ApiError> => {
  const headerCorrelationId = response.headers.get(Header.CorrelationId) ?? undefined;
  const body = await readJson(response);
  const parsed = ProblemDetailsSchema.safeParse(body);
  if (parsed.success) {
    const problem = parsed.data;
    return new ApiError({
      status: problem.status,
      code: problem.code,
      title: problem.title,
      detail: problem.detail,
      fieldErrors: problem.errors,
      correlationId: problem.correlationId ?? headerCorrelationId,
      problem,
    });
  }
  return new ApiError({
    status: response.status,
    code: codeForStatus(response.status),
    title: response.statusText || `HTTP ${response.status}`,
    correlationId: headerCorrelationId,
  });
};

export const apiRequest = async <S extends z.ZodType | undefined = undefined>(
  path: string,
  options: ApiRequestOptions<S> = {},
): Promise<ResultOf<S>> => {
  const { method = 'GET', query, body, raw, schema, signal } = options;
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (raw) headers['content-type'] = raw.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? raw.content : body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'SERVICE_UNAVAILABLE', title: 'Network error' });
  }

  if (!response.ok) throw await toApiError(response);
  if (!schema) return undefined as ResultOf<S>;

  const json = await readJson(response);
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // A response that breaks the contract is a server bug; surface it with its correlation id.
    throw new ApiError({
      status: response.status,
      code: 'INTERNAL',
      title: 'Unexpected response',
      detail: `The response to ${method} ${path} does not match its contract`,
      correlationId: response.headers.get(Header.CorrelationId) ?? undefined,
    });
  }
  return parsed.data as ResultOf<S>;
};
