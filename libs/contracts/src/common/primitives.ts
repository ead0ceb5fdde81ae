import { z } from 'zod';
import { CountryCodes, type CountryCode } from '@pardev/reference-data';

export const IdSchema = z.uuid({ message: 'must be a UUID' });

const countryCodes = new Set<string>(CountryCodes);
// ISO 3166-1 alpha-2, as listed by the IATI Country codelist.
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as CH', abort: true })
  .refine((code): code is CountryCode => countryCodes.has(code), {
    message: 'is not a country in the ISO 3166-1 list',
  });

export const IsoInstantSchema = z.iso.datetime({ offset: true });

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
