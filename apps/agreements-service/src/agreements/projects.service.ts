import { Injectable } from '@nestjs/common';
import {
  AgreementRegistrarRoles,
  ErrorCode,
  ILO_IATI_PREFIX,
  canChangeAgreement,
  canRecordFinance,
  toUsdMinor,
  type Actor,
  type Envelope,
  type ParsedRequestOf,
  type Project,
  type ProjectPage,
} from '@pardev/contracts';
import { DomainError } from '@pardev/messaging';
import { AuditTrail, changesBetween, containing, newId } from '@pardev/persistence';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { AgreementEntity, ProjectEntity } from './agreement.entities';
import { notFinance, staleVersion } from './agreement.errors';
import { CurrencyRates } from './currency-rates';

const projectNotFound = (id: string) => new DomainError(ErrorCode.NotFound, `project ${id} does not exist`);
const notAllowed = () =>
  new DomainError(
    ErrorCode.Forbidden,
    'only an admin, or an officer responsible for (or a delegate of) every agreement funding the project, may change it',
  );
const codeTaken = (code: string) =>
  new DomainError(ErrorCode.ValidationFailed, `project code ${code} is already used`, [
    { field: 'code', rule: 'unique', message: 'is already the code of another project' },
  ]);

const toProject = (entity: ProjectEntity): Project => ({
  id: entity.id,
  code: entity.code,
  iatiIdentifier: entity.iatiIdentifier,
  title: entity.title,
  description: entity.description,
  status: entity.status,
  agreementIds: entity.agreementIds,
  plannedStart: entity.plannedStart,
  plannedEnd: entity.plannedEnd,
  actualStart: entity.actualStart,
  actualEnd: entity.actualEnd,
  currency: entity.currency,
  budgets: entity.budgets,
  expenditures: entity.expenditures,
  essf: entity.essf,
  seahFocalPoint: entity.seahFocalPoint,
  version: entity.version,
  createdAt: entity.createdAt.toISOString(),
  updatedAt: entity.updatedAt.toISOString(),
});

const audited = (p: ProjectEntity) => {
  const { createdAt: _c, updatedAt: _u, version: _v, createdBy: _cb, updatedBy: _ub, ...fields } = p;
  return fields;
};

/**
 * Projects (DC activities) funded by agreements. Changing one takes being responsible for every
 * agreement that funds it (or admin); finance records the expenditure, valued in USD at the month's
 * UN rate.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rates: CurrencyRates,
    private readonly audit: AuditTrail,
  ) {}

  async create(command: ParsedRequestOf<'agreements.project.create'>, cause: Envelope): Promise<Project> {
    const actor = cause.actor;
    if (!actor || !actor.roles.some((r) => (AgreementRegistrarRoles as readonly string[]).includes(r)))
      throw notAllowed();
    return this.uniqueCode(command.code, () =>
      this.dataSource.transaction(async (manager) => {
        await this.checkAgreements(manager, actor, command.agreementIds);
        const entity = Object.assign(new ProjectEntity(), {
          id: newId(),
          ...command,
          iatiIdentifier: `${ILO_IATI_PREFIX}-${command.code.replace(/[^A-Z0-9-]/g, '-')}`,
          publishedAt: null,
          expenditures: [],
          createdBy: actor.userId,
          updatedBy: actor.userId,
        });
        const saved = await manager.save(ProjectEntity, entity);
        await this.audit.record(
          manager,
          {
            action: 'project.registered',
            entityType: 'project',
            entityId: saved.id,
            changes: changesBetween(null, audited(saved)),
          },
          cause,
        );
        return toProject(saved);
      }),
    );
  }

  async update(
    { id, version, ...fields }: ParsedRequestOf<'agreements.project.update'>,
    cause: Envelope,
  ): Promise<Project> {
    return this.uniqueCode(fields.code, () =>
      this.change(id, version, cause, 'project.updated', async (manager, entity, actor) => {
        await this.checkAgreements(manager, actor, [
          ...new Set([...entity.agreementIds, ...fields.agreementIds]),
        ]);
        // Published to IATI: the identifier is frozen even if the code changes.
        const iatiIdentifier = entity.publishedAt
          ? entity.iatiIdentifier
          : `${ILO_IATI_PREFIX}-${fields.code.replace(/[^A-Z0-9-]/g, '-')}`;
        Object.assign(entity, fields, { iatiIdentifier });
      }),
    );
  }

  async setExpenditures(
    { id, version, expenditures }: ParsedRequestOf<'agreements.project.set-expenditures'>,
    cause: Envelope,
  ): Promise<Project> {
    const actor = cause.actor;
    if (!actor || !canRecordFinance(actor)) throw notFinance();
    return this.change(
      id,
      version,
      cause,
      'project.expenditure-recorded',
      async (manager, entity) => {
        entity.expenditures = [];
        for (const e of [...expenditures].sort((a, b) => a.month.localeCompare(b.month))) {
          const rate = await this.rates.rateOf(manager, entity.currency, e.month);
          entity.expenditures.push({
            month: e.month,
            amountMinor: e.amountMinor,
            usd:
              rate === null
                ? null
                : {
                    minor: toUsdMinor(e.amountMinor, entity.currency, rate),
                    ratePerUsd: rate,
                    rateMonth: e.month,
                  },
          });
        }
      },
      true,
    );
  }

  async get(id: string): Promise<Project> {
    const entity = await this.dataSource.getRepository(ProjectEntity).findOneBy({ id });
    if (!entity) throw projectNotFound(id);
    return toProject(entity);
  }

  async list({
    agreementId,
    q,
    page,
    pageSize,
  }: ParsedRequestOf<'agreements.project.list'>): Promise<ProjectPage> {
    const query = this.dataSource.getRepository(ProjectEntity).createQueryBuilder('p');
    if (agreementId) query.andWhere(':agreementId = ANY(p.agreement_ids)', { agreementId });
    if (q) query.andWhere('(p.code ILIKE :pattern OR p.title ILIKE :pattern)', { pattern: containing(q) });
    const [items, total] = await query
      .orderBy('p.code', 'ASC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items: items.map(toProject), total, page, pageSize };
  }

  private async change(
    id: string,
    version: number,
    cause: Envelope,
    action: string,
    apply: (manager: EntityManager, entity: ProjectEntity, actor: Actor) => Promise<void>,
    finance = false,
  ): Promise<Project> {
    const actor = cause.actor;
    if (!actor) throw notAllowed();
    return this.dataSource.transaction(async (manager) => {
      const entity = await manager
        .getRepository(ProjectEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entity) throw projectNotFound(id);
      if (!finance) await this.checkAgreements(manager, actor, entity.agreementIds);
      if (entity.version !== version) throw staleVersion(id, version, entity.version);
      const before = audited(entity);
      await apply(manager, entity, actor);
      entity.updatedBy = actor.userId;
      const saved = await manager.save(ProjectEntity, entity);
      await this.audit.record(
        manager,
        { action, entityType: 'project', entityId: id, changes: changesBetween(before, audited(saved)) },
        cause,
      );
      return toProject(saved);
    });
  }

  /** The agreements exist, and this person may change each of them. */
  private async checkAgreements(manager: EntityManager, actor: Actor, ids: readonly string[]): Promise<void> {
    const agreements = await manager.getRepository(AgreementEntity).findBy({ id: In([...ids]) });
    const missing = ids.filter((id) => !agreements.some((a) => a.id === id));
    if (missing.length > 0) {
      throw new DomainError(ErrorCode.ValidationFailed, `no agreement ${missing.join(', ')}`, [
        {
          field: 'agreementIds',
          rule: 'unknown_agreement',
          message: `agreement ${missing[0]} does not exist`,
        },
      ]);
    }
    if (!agreements.every((a) => canChangeAgreement(actor, a))) throw notAllowed();
  }

  private async uniqueCode<T>(code: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string } | undefined)?.code === '23505'
      ) {
        throw codeTaken(code);
      }
      throw error;
    }
  }
}
