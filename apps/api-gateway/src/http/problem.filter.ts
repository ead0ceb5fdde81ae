import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode } from '@pardev/contracts';
import { DomainError, RemoteError } from '@pardev/messaging';
import { AuditTrail } from '@pardev/persistence';
import { DataSource } from 'typeorm';
import { actorOf } from '../identity/principal';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BODY_LIMIT_BYTES } from './limits';
import {
  PROBLEM_CONTENT_TYPE,
  codeForHttpStatus,
  statusForCode,
  toProblem,
  type ProblemInit,
} from './problem';

// Errors Fastify raises before a route runs (bad JSON, body too large, wrong content type) carry these.
interface FrameworkError extends Error {
  readonly statusCode: number;
  readonly code?: string;
}
const isFrameworkError = (error: unknown): error is FrameworkError =>
  error instanceof Error && typeof (error as Partial<FrameworkError>).statusCode === 'number';

// What a remote failure says about the bus or another service stays in our log, not in the response.
const opaqueCodes = new Set<ErrorCode>([ErrorCode.Internal, ErrorCode.ServiceUnavailable, ErrorCode.Timeout]);
const opaqueDetail: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.Internal]: 'Something went wrong on our side. Quote the correlation id when you report it.',
  [ErrorCode.ServiceUnavailable]:
    'A service needed for this request is not available. Try again in a moment.',
  [ErrorCode.Timeout]: 'A service needed for this request did not answer in time. Try again in a moment.',
};

const frameworkDetail = (error: FrameworkError): string => {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'the request body is not valid JSON';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'the request body is empty but its content type says JSON';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `the request body is larger than the ${BODY_LIMIT_BYTES / 1024 / 1024} MiB limit`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send the request body as application/json';
    default:
      return error.statusCode < 500 ? error.message : '';
  }
};

/** The one place errors become responses: RFC 9457 problem details, every time, for every error. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly log = new Logger('Problem');

  constructor(
    private readonly audit: AuditTrail,
    private readonly dataSource: DataSource,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const correlationId = request.id;
    const init = this.describe(exception, request, correlationId);
    const problem = toProblem({ ...init, correlationId });
    if (problem.status === 403) await this.recordRefusal(request, problem.detail);
    if (reply.sent) return;
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  // A refused request is a security event: who tried what, and why it was refused (whether the
  // gateway refused it by role or the owning service refused it for that record).
  private async recordRefusal(request: FastifyRequest, why: string | undefined): Promise<void> {
    const principal = request.principal;
    try {
      await this.audit.record(
        this.dataSource.manager,
        {
          action: 'access.refused',
          entityType: 'request',
          entityId: `${request.method} ${request.url.split('?')[0]}`,
          note: why ?? null,
        },
        { actor: principal ? actorOf(principal.user) : undefined, correlationId: request.id },
      );
    } catch (error) {
      // The refusal stands either way; a trail that cannot be written is for the log.
      this.log.error(
        `could not record a refused request [correlation ${request.id}]`,
        (error as Error).stack,
      );
    }
  }

  private describe(
    exception: unknown,
    request: FastifyRequest,
    correlationId: string,
  ): Omit<ProblemInit, 'correlationId'> {
    const where = `${request.method} ${request.url.split('?')[0]} [correlation ${correlationId}]`;
    if (exception instanceof DomainError || exception instanceof RemoteError) {
      if (opaqueCodes.has(exception.code)) {
        this.log.warn(`${where}: ${exception.code}: ${exception.message}`);
        return { code: exception.code, detail: opaqueDetail[exception.code] };
      }
      return { code: exception.code, detail: exception.message, errors: exception.errors };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status >= 500) return this.unexpected(exception, where);
      const code = codeForHttpStatus(status);
      return { code, status: status === statusForCode(code) ? undefined : status, detail: exception.message };
    }
    if (isFrameworkError(exception) && exception.statusCode >= 400 && exception.statusCode < 500) {
      const code = codeForHttpStatus(exception.statusCode);
      const status = exception.statusCode === statusForCode(code) ? undefined : exception.statusCode;
      return { code, status, detail: frameworkDetail(exception) };
    }
    return this.unexpected(exception, where);
  }

  private unexpected(exception: unknown, where: string): Omit<ProblemInit, 'correlationId'> {
    const stack = exception instanceof Error ? exception.stack : String(exception);
    this.log.error(`${where}: unexpected error`, stack);
    return { code: ErrorCode.Internal, detail: opaqueDetail[ErrorCode.Internal] };
  }
}
