import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@pardev/messaging';
import type { z } from 'zod';

/** Parses a body, query or params object with a contract schema; a failure names every bad field (400). */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw DomainError.invalid(parsed.error, 'the request is not valid');
    return parsed.data;
  }
}
