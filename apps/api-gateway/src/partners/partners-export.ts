import { Injectable } from '@nestjs/common';
import { ErrorCode, type ParsedRequestOf, type Partner } from '@pardev/contracts';
import { DomainError, MessageBus, type RequestOptions } from '@pardev/messaging';
import { toCsv, type TableColumn } from '../http/csv';
import { toXlsx } from '../http/xlsx';
import { XLSX_CONTENT_TYPE } from './imports/import-file';
import { UsersRepository } from '../identity/users.repository';

type ExportQuery = Omit<ParsedRequestOf<'partners.partner.list'>, 'page' | 'pageSize'>;

/** A finished export: the file's bytes or text, its media type and its name. */
export interface ExportFile {
  readonly body: string | Buffer;
  readonly contentType: string;
  readonly fileName: string;
}

/** More than a spreadsheet user can work with; narrow the filters instead. */
export const EXPORT_LIMIT = 20_000;
const PAGE_SIZE = 100;

/** Exactly what the list shows for the same filters and order, every page of it, as CSV. */
@Injectable()
export class PartnersExport {
  constructor(
    private readonly bus: MessageBus,
    private readonly users: UsersRepository,
  ) {}

  async file(query: ExportQuery, format: 'csv' | 'xlsx', context: RequestOptions): Promise<ExportFile> {
    const { rows, columns } = await this.table(query, context);
    const fileName = `partners-${new Date().toISOString().slice(0, 10)}.${format}`;
    if (format === 'csv') {
      return { body: toCsv(rows, columns), contentType: 'text/csv; charset=utf-8', fileName };
    }
    return { body: await toXlsx(rows, columns, 'Partners'), contentType: XLSX_CONTENT_TYPE, fileName };
  }

  private async table(
    query: ExportQuery,
    context: RequestOptions,
  ): Promise<{ rows: Partner[]; columns: TableColumn<Partner>[] }> {
    const partners: Partner[] = [];
    for (let page = 1; ; page++) {
      const result = await this.bus.request(
        'partners.partner.list',
        { ...query, page, pageSize: PAGE_SIZE },
        context,
      );
      if (result.total > EXPORT_LIMIT) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `the export would hold ${result.total} partners; narrow the filters to ${EXPORT_LIMIT} or fewer`,
        );
      }
      partners.push(...result.items);
      if (partners.length >= result.total || result.items.length === 0) break;
    }
    const names = await this.users.namesOf([
      ...new Set(partners.flatMap((p) => (p.responsibleOfficerId ? [p.responsibleOfficerId] : []))),
    ]);
    // The headers an import reads (PartnerImportHeaders): an export, edited, comes back in.
    const columns: TableColumn<Partner>[] = [
      { header: 'Name', value: (p) => p.name },
      { header: 'Acronym', value: (p) => p.acronym },
      { header: 'Legal name', value: (p) => p.legalName },
      { header: 'IATI identifier', value: (p) => p.iatiIdentifier },
      { header: 'IATI organisation type', value: (p) => p.organisationType },
      { header: 'ILO category', value: (p) => p.category },
      { header: 'Public or private', value: (p) => p.ownership },
      { header: 'Country', value: (p) => p.country },
      { header: 'ILO region', value: (p) => p.region },
      { header: 'Status', value: (p) => p.status },
      { header: 'Blocked for new agreements', value: (p) => (p.blockedForNewAgreements ? 'yes' : 'no') },
      {
        header: 'Responsible officer',
        value: (p) =>
          p.responsibleOfficerId ? (names.get(p.responsibleOfficerId) ?? p.responsibleOfficerId) : null,
      },
      { header: 'Tags', value: (p) => p.tags },
      { header: 'Notes', value: (p) => p.notes },
      { header: 'Last changed', value: (p) => p.updatedAt },
      { header: 'Id', value: (p) => p.id },
    ];
    return { rows: partners, columns };
  }
}
