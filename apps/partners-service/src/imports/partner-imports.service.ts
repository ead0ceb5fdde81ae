import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  PartnerRegistrarRoles,
  type Actor,
  type Envelope,
  type PartnerImport,
  type PartnerImportRowPage,
  type ParsedRequestOf,
} from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import { AuditTrail, newId } from '@pardev/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { PartnerDirectory, planImport } from './import-plan';
import { PartnerImportApplier } from './partner-import-applier';
import { PartnerImportsRepository, type StoredImport } from './partner-imports.repository';

/** Staged files nobody applied are deleted after this many days. */
const ABANDONED_AFTER_DAYS = 14;

const importNotFound = (id: string) => new DomainError(ErrorCode.ImportNotFound, `there is no import ${id}`);
const notOpen = (id: string, status: string) =>
  new DomainError(
    ErrorCode.ImportNotOpen,
    status === 'DONE' || status === 'APPLYING'
      ? `import ${id} has been applied already; upload the file again to import it anew`
      : `import ${id} is ${status.toLowerCase()}`,
  );
const notAllowedToImport = () =>
  new DomainError(ErrorCode.Forbidden, 'only admins and officers may import partners');

const mayImport = (actor: Actor | undefined): actor is Actor =>
  actor !== undefined &&
  actor.roles.some((role) => (PartnerRegistrarRoles as readonly string[]).includes(role));

// An import is its author's; admins may look at and apply anyone's.
const owns = (actor: Actor, stored: StoredImport) =>
  stored.createdBy === actor.userId || actor.roles.includes('admin');

const publicView = ({ applyCause: _cause, ...view }: StoredImport): PartnerImport => view;

/**
 * Spreadsheet imports of partners: rows are staged as sent, checked all together (the dry run: what
 * each row would do, or why it cannot), then applied in the background by `PartnerImportApplier`.
 */
@Injectable()
export class PartnerImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly imports: PartnerImportsRepository,
    private readonly applier: PartnerImportApplier,
    private readonly audit: AuditTrail,
  ) {}

  async start(request: ParsedRequestOf<'partners.import.start'>, cause: Envelope): Promise<PartnerImport> {
    const actor = cause.actor;
    if (!mayImport(actor)) throw notAllowedToImport();
    const id = newId();
    await this.dataSource.transaction(async (manager) => {
      await this.imports.purgeAbandoned(manager, ABANDONED_AFTER_DAYS);
      await this.imports.create(manager, id, request, actor.userId);
    });
    return this.get(id, cause);
  }

  async stageRows(
    { importId, rows }: ParsedRequestOf<'partners.import.stage-rows'>,
    cause: Envelope,
  ): Promise<{ importId: string; staged: number }> {
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.open(manager, importId, cause, ['STAGED']);
      const staged = await this.imports.stage(manager, importId, rows);
      // Rolled back: more rows than announced is a sender's mistake, not a bigger file.
      if (staged > stored.rowCount) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `the import announced ${stored.rowCount} rows and ${staged} have been sent`,
        );
      }
      return { importId, staged };
    });
  }

  /** The dry run: decides every row against the registry as it is now; writes no partner. */
  async check(importId: string, cause: Envelope): Promise<PartnerImport> {
    await this.dataSource.transaction(async (manager) => {
      const stored = await this.open(manager, importId, cause, ['STAGED', 'READY']);
      const rows = await this.imports.stagedRows(manager, importId);
      const expected = stored.rowCount;
      if (rows.length < expected) {
        throw new DomainError(
          ErrorCode.ValidationFailed,
          `only ${rows.length} of the ${expected} rows of the file have arrived; upload it again`,
        );
      }
      const directory = new PartnerDirectory(await this.imports.knownPartners(manager));
      const plan = planImport(rows, stored.columns, directory, cause.actor!);
      await this.imports.savePlan(manager, importId, plan);
    });
    return this.get(importId, cause);
  }

  /**
   * Starts writing the rows the dry run found writable, and answers at once: progress shows on the
   * import. Rows with errors are left out.
   */
  async apply(importId: string, cause: Envelope): Promise<PartnerImport> {
    await this.dataSource.transaction(async (manager) => {
      const stored = await this.open(manager, importId, cause, ['READY']);
      await this.imports.startApplying(manager, importId, cause);
      await this.audit.record(
        manager,
        {
          action: 'partner-import.applied',
          entityType: 'partner-import',
          entityId: importId,
          changes: [],
          note: `${stored.fileName}: ${stored.planned.create} to create, ${stored.planned.update} to update, ${stored.planned.skip} unchanged, ${stored.planned.error} with errors`,
        },
        cause,
      );
    });
    this.applier.drain(importId);
    return this.get(importId, cause);
  }

  async get(importId: string, cause: Envelope): Promise<PartnerImport> {
    return publicView(await this.readable(this.dataSource, importId, cause));
  }

  async rows(
    { importId, outcome, page, pageSize }: ParsedRequestOf<'partners.import.rows'>,
    cause: Envelope,
  ): Promise<PartnerImportRowPage> {
    await this.readable(this.dataSource, importId, cause);
    const { items, total } = await this.imports.rows(importId, outcome, page, pageSize);
    return { items, total, page, pageSize };
  }

  private async readable(
    manager: EntityManager | DataSource,
    importId: string,
    cause: Envelope,
    lock = false,
  ): Promise<StoredImport> {
    const actor = cause.actor;
    if (!mayImport(actor)) throw notAllowedToImport();
    const stored = await this.imports.find(manager, importId, lock);
    // Someone else's import does not exist, as far as this person can tell.
    if (!stored || !owns(actor, stored)) throw importNotFound(importId);
    return stored;
  }

  /** The import, locked, when it is in one of `states`. */
  private async open(
    manager: EntityManager,
    importId: string,
    cause: Envelope,
    states: readonly PartnerImport['status'][],
  ): Promise<StoredImport> {
    const stored = await this.readable(manager, importId, cause, true);
    if (!states.includes(stored.status)) throw notOpen(importId, stored.status);
    return stored;
  }
}
