import { ErrorCode } from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';

export const partnerNotFound = (id: string): DomainError =>
  new DomainError(ErrorCode.PartnerNotFound, `partner ${id} does not exist`);

export const partnerAlreadyExists = (name: string, country: string | null): DomainError =>
  new DomainError(
    ErrorCode.PartnerAlreadyExists,
    `a partner named "${name}" is already registered${country ? ` in ${country}` : ''}`,
    [{ field: 'name', rule: 'unique', message: 'a partner with this name (and country) already exists' }],
  );
