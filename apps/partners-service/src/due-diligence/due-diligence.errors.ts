import { ErrorCode } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';

export const notAllowedToReview = (partnerId: string): DomainError =>
  new DomainError(
    ErrorCode.Forbidden,
    `only an admin, or the responsible officer or a delegate of partner ${partnerId}, may record its due diligence`,
  );

export const notAllowedToResolve = (level: string): DomainError =>
  new DomainError(ErrorCode.Forbidden, `only an admin may resolve a ${level.toLowerCase()} flag`);

export const flagNotFound = (flagId: string, partnerId: string): DomainError =>
  new DomainError(ErrorCode.FlagNotFound, `partner ${partnerId} has no flag ${flagId}`);

export const flagAlreadyResolved = (flagId: string): DomainError =>
  new DomainError(ErrorCode.FlagAlreadyResolved, `flag ${flagId} is already resolved`);
