import { BadRequestException, Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { ErrorCode, ProblemDetailsSchema, type ProblemDetails } from '@pardev/contracts';
import { DomainError, RemoteError } from '@pardev/messaging';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditRecord, AuditTrail } from '@pardev/persistence';
import type { DataSource } from 'typeorm';
import { ProblemFilter } from './problem.filter';

interface Sent {
  status: number;
  headers: Record<string, string>;
  body: ProblemDetails;
}

const run = async (exception: unknown): Promise<Sent> => {
  const sent: Sent = { status: 0, headers: {}, body: undefined as unknown as ProblemDetails };
  const reply = {
    sent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return this;
    },
    send(body: ProblemDetails) {
      sent.body = body;
      return this;
    },
  };
  const request = { id: 'corr-1', method: 'POST', url: '/api/v1/partners?x=1' };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  await new ProblemFilter(trail, dataSource).catch(exception, host);
  ProblemDetailsSchema.parse(sent.body);
  return sent;
};

const recorded: AuditRecord[] = [];
const trail = {
  record: async (_manager: unknown, record: AuditRecord) => {
    recorded.push(record);
  },
} as unknown as AuditTrail;
const dataSource = { manager: {} } as unknown as DataSource;

const frameworkError = (statusCode: number, code: string, message: string) =>
  Object.assign(new Error(message), { statusCode, code });

describe('ProblemFilter', () => {
  let logError: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    logError = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    vi.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers a domain error with its code, status, field errors and the correlation id', async () => {
    const errors = [{ field: 'name', rule: 'unique', message: 'taken' }];
    const sent = await run(
      new RemoteError(ErrorCode.PartnerAlreadyExists, 'a partner named "X" is already registered', errors),
    );
    expect(sent.status).toBe(409);
    expect(sent.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(sent.body).toMatchObject({
      code: 'PARTNER_ALREADY_EXISTS',
      status: 409,
      errors,
      correlationId: 'corr-1',
    });
  });

  it('does not pass on what a remote internal error or a bus failure said', async () => {
    const internal = await run(new RemoteError(ErrorCode.Internal, 'table "partner" does not exist'));
    expect(internal.status).toBe(500);
    expect(JSON.stringify(internal.body)).not.toContain('does not exist');
    const bus = await run(
      new RemoteError(
        ErrorCode.ServiceUnavailable,
        'the bus is unavailable: connect ECONNREFUSED 10.0.0.7:4222',
      ),
    );
    expect(bus.status).toBe(503);
    expect(JSON.stringify(bus.body)).not.toContain('ECONNREFUSED');
  });

  it('turns an unknown error into a 500 INTERNAL without its message or stack, and logs the stack', async () => {
    const error = new TypeError('cannot read properties of undefined (reading "secret")');
    const sent = await run(error);
    expect(sent.status).toBe(500);
    expect(sent.body.code).toBe('INTERNAL');
    expect(sent.body.correlationId).toBe('corr-1');
    expect(JSON.stringify(sent.body)).not.toContain('secret');
    expect(logError).toHaveBeenCalledWith(expect.stringContaining('corr-1'), error.stack);
  });

  it('answers an unknown route with a 404 NOT_FOUND problem', async () => {
    const sent = await run(new NotFoundException('Cannot GET /api/v1/nothing'));
    expect(sent.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('answers a framework 400 with VALIDATION_FAILED', async () => {
    expect((await run(new BadRequestException())).body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
  });

  it('answers a body that is not JSON with a 400 problem', async () => {
    const sent = await run(
      frameworkError(
        400,
        'FST_ERR_CTP_INVALID_JSON_BODY',
        "Body is not valid JSON but content-type is set to 'application/json'",
      ),
    );
    expect(sent.body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      detail: 'the request body is not valid JSON',
    });
  });

  it('answers a body over the limit with 413 VALIDATION_FAILED', async () => {
    const sent = await run(frameworkError(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large'));
    expect(sent.status).toBe(413);
    expect(sent.body).toMatchObject({ status: 413, code: 'VALIDATION_FAILED', title: 'Payload Too Large' });
  });

  it('answers a validation DomainError with every field error', async () => {
    const errors = [
      { field: 'organisationType', rule: 'invalid_value', message: 'must be an IATI OrganisationType code' },
      { field: 'country', rule: 'custom', message: 'is required for category State' },
    ];
    const sent = await run(new DomainError(ErrorCode.ValidationFailed, 'the request is not valid', errors));
    expect(sent.body.errors?.map((e) => e.field)).toEqual(['organisationType', 'country']);
  });

  it('records a refused request in the audit trail, with the reason, and nothing else', async () => {
    recorded.length = 0;
    const sent = await run(
      new RemoteError(ErrorCode.Forbidden, 'only the responsible officer may change it'),
    );
    expect(sent.status).toBe(403);
    await run(new RemoteError(ErrorCode.PartnerNotFound, 'partner x does not exist'));
    expect(recorded).toEqual([
      {
        action: 'access.refused',
        entityType: 'request',
        entityId: 'POST /api/v1/partners',
        note: 'only the responsible officer may change it',
      },
    ]);
  });
});
