import { Controller, Inject, type Type } from '@nestjs/common';
import {
  ErrorCode,
  auditSearchSubjects,
  canReadAudit,
  type AuditPage,
  type Context,
  type ParsedAuditQuery,
} from '@pardev/contracts';
import { AuditTrail } from '@pardev/persistence';
import { DomainError } from '../errors';
import type { RequestContext } from '../request-processor';
import { OnRequest } from './decorators';

/**
 * Answers `<context>.audit.search` from this service's part of the trail (the gateway merges the
 * parts). Every service mounts the same handler, for its own context.
 */
export const auditSearchHandler = (context: Context): Type => {
  @Controller()
  class AuditSearchHandler {
    constructor(@Inject(AuditTrail) private readonly trail: AuditTrail) {}

    @OnRequest(auditSearchSubjects[context])
    async search(query: ParsedAuditQuery, { envelope }: RequestContext): Promise<AuditPage> {
      if (!canReadAudit(envelope.actor, query)) {
        throw new DomainError(
          ErrorCode.Forbidden,
          'only admins and auditors may search the whole audit trail',
        );
      }
      return this.trail.search(query);
    }
  }
  return AuditSearchHandler;
};
