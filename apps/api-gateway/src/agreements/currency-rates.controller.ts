import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Query, Req } from '@nestjs/common';
import {
  CurrencyRatesQuerySchema,
  ErrorCode,
  FinanceRoles,
  SetCurrencyRatesRequestSchema,
  toFieldErrors,
  type CurrencyRateList,
  type ParsedRequestOf,
} from '@pardev/contracts';
import { DomainError, MessageBus, type RequestOptions } from '@pardev/messaging';
import { parse } from 'csv-parse/sync';
import type { FastifyRequest } from 'fastify';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { AnyRole, BusContext, Roles } from '../identity/access.decorators';

const header = (title: string) => title.toLowerCase().replace(/[^a-z]/g, '');
const COLUMNS: Record<string, 'currency' | 'month' | 'ratePerUsd'> = {
  currency: 'currency',
  month: 'month',
  rate: 'ratePerUsd',
  rateperusd: 'ratePerUsd',
  unoperationalrate: 'ratePerUsd',
};

/**
 * A CSV of rates (columns Currency, Month, Rate; comma or semicolon) as the set-rates request, with
 * each problem named by its spreadsheet row and column.
 */
export const ratesFromCsv = (bytes: Buffer): ParsedRequestOf<'agreements.currency-rate.set'> => {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const delimiter = (text.split(/\r?\n/)[0] ?? '').includes(';') ? ';' : ',';
  let table: string[][];
  try {
    table = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `the file is not valid CSV: ${(error as Error).message}`,
    );
  }
  const fields = (table[0] ?? []).map((title) => COLUMNS[header(title)]);
  for (const needed of ['currency', 'month', 'ratePerUsd'] as const) {
    if (!fields.includes(needed)) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'the first row must name the columns Currency, Month and Rate',
        [
          {
            field: 'file',
            rule: 'columns',
            message: `has no ${needed === 'ratePerUsd' ? 'Rate' : needed} column`,
          },
        ],
      );
    }
  }
  const rates = table
    .slice(1)
    .map((cells) =>
      Object.fromEntries(fields.flatMap((field, i) => (field ? [[field, cells[i] ?? '']] : []))),
    );
  const parsed = SetCurrencyRatesRequestSchema.safeParse({ rates });
  if (!parsed.success) {
    // rates.3.ratePerUsd → row 5 (the header is row 1), Rate.
    const errors = toFieldErrors(parsed.error).map((e) => {
      const [, index, field] = e.field.split('.');
      return index === undefined
        ? e
        : {
            ...e,
            field: `row ${Number(index) + 2}${field ? ` ${field}` : ''}`,
            message: `row ${Number(index) + 2}: ${e.message}`,
          };
    });
    throw new DomainError(
      ErrorCode.ValidationFailed,
      'some rates are not valid; nothing was imported',
      errors,
    );
  }
  return parsed.data;
};

// The UN operational rates of exchange: every role reads them, finance keeps them.
@Controller('api/v1/currency-rates')
export class CurrencyRatesController {
  constructor(private readonly bus: MessageBus) {}

  @Get()
  @AnyRole()
  list(
    @Query(new ZodValidationPipe(CurrencyRatesQuerySchema))
    query: ParsedRequestOf<'agreements.currency-rate.list'>,
    @BusContext() context: RequestOptions,
  ): Promise<CurrencyRateList> {
    return this.bus.request('agreements.currency-rate.list', query, context);
  }

  @Put()
  @Roles(...FinanceRoles)
  set(
    @Body(new ZodValidationPipe(SetCurrencyRatesRequestSchema))
    body: ParsedRequestOf<'agreements.currency-rate.set'>,
    @BusContext() context: RequestOptions,
  ): Promise<CurrencyRateList> {
    return this.bus.request('agreements.currency-rate.set', body, context);
  }

  /** A CSV file as the body (Content-Type text/csv): all its rates are set, or none. */
  @Post('import')
  @Roles(...FinanceRoles)
  @HttpCode(HttpStatus.OK)
  import(@Req() request: FastifyRequest, @BusContext() context: RequestOptions): Promise<CurrencyRateList> {
    if (!Buffer.isBuffer(request.body)) {
      throw new DomainError(
        ErrorCode.ValidationFailed,
        'send the CSV file itself as the body, with Content-Type text/csv',
        [{ field: 'file', rule: 'format', message: 'must be a .csv file' }],
      );
    }
    return this.bus.request('agreements.currency-rate.set', ratesFromCsv(request.body), {
      ...context,
      timeoutMs: 30_000,
    });
  }
}
