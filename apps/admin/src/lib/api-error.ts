import type { ErrorCode, FieldError, ProblemDetails } from '@pardev/contracts';

// Type-only imports keep zod (which the contracts' schemas need) out of the initial bundle: this
// module is loaded on every page, the schemas only with the pages that call the API.
export type ApiErrorCode = `${ErrorCode}`;

// Non-problem responses (proxy pages, dropped connections) still become an ApiError with a code.
export const codeForStatus = (status: number): ApiErrorCode => {
  if (status === 400 || status === 422) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'VERSION_CONFLICT';
  if (status === 0 || status === 502 || status === 503) return 'SERVICE_UNAVAILABLE';
  if (status === 504) return 'TIMEOUT';
  return 'INTERNAL';
};

export interface ApiErrorInit {
  status: number;
  code: ApiErrorCode;
  title: string;
  detail?: string | undefined;
  fieldErrors?: FieldError[] | undefined;
  correlationId?: string | undefined;
  problem?: ProblemDetails | undefined;
}

/** An RFC 9457 problem (or a failure standing in for one), typed for the UI. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly correlationId: string | undefined;
  readonly problem: ProblemDetails | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.correlationId = init.correlationId;
    this.problem = init.problem;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;
