import { Injectable } from '@nestjs/common';
import { ErrorCode, toDecimalString, type AgreementListItem, type ParsedRequestOf } from '@pardev/contracts';
import { DomainError, MessageBus, type RequestOptions } from '@pardev/messaging';
import { toCsv, type TableColumn } from '../http/csv';
import { toXlsx } from '../http/xlsx';
import { UsersRepository } from '../identity/users.repository';
import { EXPORT_LIMIT, type ExportFile } from '../partners/partners-export';
import { XLSX_CONTENT_TYPE } from '../partners/imports/import-file';

type ExportQuery = Omit<ParsedRequestOf<'agreements.agreement.list'>, 'page' | 'pageSize'>;
const PAGE_SIZE = 100;

/** Exactly what the agreements list shows for the same filters and order, every page of it. */
@Injectable()
export class AgreementsExport {
  constructor(
    private readonly bus: MessageBus,
    private readonly users: UsersRepository,
  ) {}

  async file(query: ExportQuery, format: 'csv' | 'xlsx', context: RequestOptions): Promise<ExportFile> {
    const rows: AgreementListItem[] = [];
    for (let page = 1; ; page++) {
      const result = await this.bus.request(
        'agreements.agreement.list',
        { ...query, page, pageSize: PAGE_SIZE },
        context,
      );
      if (result.total > EXPORT_LIMIT) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `the export would hold ${result.total} agreements; narrow the filters to ${EXPORT_LIMIT} or fewer`,
        );
      }
      rows.push(...result.items);
      if (rows.length >= result.total || result.items.length === 0) break;
    }
    const names = await this.users.namesOf([
      ...new Set(rows.flatMap((a) => (a.responsibleOfficerId ? [a.responsibleOfficerId] : []))),
    ]);
    // Amounts as decimals in their currency (what a spreadsheet sums), with the USD value and its rate.
    const columns: TableColumn<AgreementListItem>[] = [
      { header: 'Reference', value: (a) => a.reference },
      { header: 'Title', value: (a) => a.title },
      { header: 'Funding partners', value: (a) => a.partners.map((p) => p.name) },
      { header: 'Funding source', value: (a) => a.fundingSource },
      { header: 'Status', value: (a) => a.status },
      { header: 'Currency', value: (a) => a.currency },
      { header: 'Total', value: (a) => toDecimalString(a.totalMinor, a.currency) },
      { header: 'Total USD', value: (a) => (a.totalUsd ? toDecimalString(a.totalUsd.minor, 'USD') : null) },
      { header: 'Rate per USD', value: (a) => a.totalUsd?.ratePerUsd ?? null },
      { header: 'Rate month', value: (a) => a.totalUsd?.rateMonth ?? null },
      { header: 'Received', value: (a) => toDecimalString(a.receivedMinor, a.currency) },
      { header: 'Start', value: (a) => a.startOn },
      { header: 'End', value: (a) => a.endOn },
      { header: 'Overdue tranches', value: (a) => a.overdueTranches },
      {
        header: 'Responsible officer',
        value: (a) =>
          a.responsibleOfficerId ? (names.get(a.responsibleOfficerId) ?? a.responsibleOfficerId) : null,
      },
      { header: 'Id', value: (a) => a.id },
    ];
    const fileName = `agreements-${new Date().toISOString().slice(0, 10)}.${format}`;
    if (format === 'csv')
      return { body: toCsv(rows, columns), contentType: 'text/csv; charset=utf-8', fileName };
    return { body: await toXlsx(rows, columns, 'Agreements'), contentType: XLSX_CONTENT_TYPE, fileName };
  }
}
