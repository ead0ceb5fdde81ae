import type { ParseKeys } from 'i18next';
import { isApiError, type ApiErrorCode } from './api-error';

type ApiMessageKey = Extract<ParseKeys, `errors.api.${string}`>;

const keyByCode: Record<ApiErrorCode, ApiMessageKey> = {
  VALIDATION_FAILED: 'errors.api.validation',
  UNAUTHENTICATED: 'errors.api.unauthenticated',
  INVALID_CREDENTIALS: 'errors.api.unauthenticated',
  TOO_MANY_ATTEMPTS: 'errors.api.tooManyAttempts',
  RATE_LIMITED: 'errors.api.rateLimited',
  FORBIDDEN: 'errors.api.forbidden',
  NOT_FOUND: 'errors.api.notFound',
  PARTNER_NOT_FOUND: 'errors.api.notFound',
  PARTNER_ALREADY_EXISTS: 'errors.api.conflict',
  FLAG_NOT_FOUND: 'errors.api.notFound',
  FLAG_ALREADY_RESOLVED: 'errors.api.flagAlreadyResolved',
  AGREEMENT_NOT_FOUND: 'errors.api.notFound',
  TRANCHE_NOT_FOUND: 'errors.api.notFound',
  TRANSITION_REFUSED: 'errors.api.transitionRefused',
  AGREEMENT_LOCKED: 'errors.api.agreementLocked',
  IMPORT_NOT_FOUND: 'errors.api.notFound',
  IMPORT_NOT_OPEN: 'errors.api.importNotOpen',
  SAVED_VIEW_NOT_FOUND: 'errors.api.notFound',
  SAVED_VIEW_CONFLICT: 'errors.api.savedViewConflict',
  VERSION_CONFLICT: 'errors.api.conflict',
  SERVICE_UNAVAILABLE: 'errors.api.unavailable',
  TIMEOUT: 'errors.api.timeout',
  INTERNAL: 'errors.api.unexpected',
};

/** The sentence a person reads for an error, by its code rather than the server's English text. */
export const apiErrorMessageKey = (error: unknown): ApiMessageKey =>
  isApiError(error) ? keyByCode[error.code] : 'errors.api.unexpected';

export const correlationIdOf = (error: unknown): string | undefined =>
  isApiError(error) ? error.correlationId : undefined;
