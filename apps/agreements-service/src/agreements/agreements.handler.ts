import { Controller } from '@nestjs/common';
import type { ParsedRequestOf } from '@pardev/contracts';
import { OnRequest, type RequestContext } from '@pardev/messaging';
import { AgreementsService } from './agreements.service';
import { AmendmentsService } from './amendments.service';
import { ProjectsService } from './projects.service';
import { CurrencyRates } from './currency-rates';
import { TranchesService } from './tranches.service';

// Bus adapter: payloads arrive validated against their contract; the services check who may.
@Controller()
export class AgreementsHandler {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly tranches: TranchesService,
    private readonly rates: CurrencyRates,
    private readonly amendments: AmendmentsService,
    private readonly projects: ProjectsService,
  ) {}

  @OnRequest('agreements.project.create')
  createProject(command: ParsedRequestOf<'agreements.project.create'>, { envelope }: RequestContext) {
    return this.projects.create(command, envelope);
  }

  @OnRequest('agreements.project.get')
  getProject({ id }: ParsedRequestOf<'agreements.project.get'>) {
    return this.projects.get(id);
  }

  @OnRequest('agreements.project.list')
  listProjects(query: ParsedRequestOf<'agreements.project.list'>) {
    return this.projects.list(query);
  }

  @OnRequest('agreements.project.update')
  updateProject(command: ParsedRequestOf<'agreements.project.update'>, { envelope }: RequestContext) {
    return this.projects.update(command, envelope);
  }

  @OnRequest('agreements.project.set-expenditures')
  setExpenditures(
    command: ParsedRequestOf<'agreements.project.set-expenditures'>,
    { envelope }: RequestContext,
  ) {
    return this.projects.setExpenditures(command, envelope);
  }

  @OnRequest('agreements.amendment.list')
  listAmendments({ agreementId }: ParsedRequestOf<'agreements.amendment.list'>) {
    return this.amendments.list(agreementId);
  }

  @OnRequest('agreements.amendment.propose')
  proposeAmendment(command: ParsedRequestOf<'agreements.amendment.propose'>, { envelope }: RequestContext) {
    return this.amendments.propose(command, envelope);
  }

  @OnRequest('agreements.amendment.decide')
  decideAmendment(command: ParsedRequestOf<'agreements.amendment.decide'>, { envelope }: RequestContext) {
    return this.amendments.decide(command, envelope);
  }

  @OnRequest('agreements.version.list')
  versions({ agreementId }: ParsedRequestOf<'agreements.version.list'>) {
    return this.amendments.versions(agreementId);
  }

  @OnRequest('agreements.version.diff')
  diff(query: ParsedRequestOf<'agreements.version.diff'>) {
    return this.amendments.diff(query);
  }

  @OnRequest('agreements.agreement.create')
  create(command: ParsedRequestOf<'agreements.agreement.create'>, { envelope }: RequestContext) {
    return this.agreements.create(command, envelope);
  }

  @OnRequest('agreements.agreement.get')
  get({ id }: ParsedRequestOf<'agreements.agreement.get'>) {
    return this.agreements.get(id);
  }

  @OnRequest('agreements.agreement.list')
  list(query: ParsedRequestOf<'agreements.agreement.list'>) {
    return this.agreements.list(query);
  }

  @OnRequest('agreements.agreement.update')
  update(command: ParsedRequestOf<'agreements.agreement.update'>, { envelope }: RequestContext) {
    return this.agreements.update(command, envelope);
  }

  @OnRequest('agreements.agreement.assign')
  assign(command: ParsedRequestOf<'agreements.agreement.assign'>, { envelope }: RequestContext) {
    return this.agreements.assign(command, envelope);
  }

  @OnRequest('agreements.agreement.transition')
  transition(command: ParsedRequestOf<'agreements.agreement.transition'>, { envelope }: RequestContext) {
    return this.agreements.transition(command, envelope);
  }

  @OnRequest('agreements.tranche.list')
  schedule({ agreementId }: ParsedRequestOf<'agreements.tranche.list'>) {
    return this.tranches.schedule(agreementId);
  }

  @OnRequest('agreements.tranche.add')
  addTranche(command: ParsedRequestOf<'agreements.tranche.add'>, { envelope }: RequestContext) {
    return this.tranches.add(command, envelope);
  }

  @OnRequest('agreements.tranche.update')
  updateTranche(command: ParsedRequestOf<'agreements.tranche.update'>, { envelope }: RequestContext) {
    return this.tranches.update(command, envelope);
  }

  @OnRequest('agreements.tranche.cancel')
  cancelTranche(command: ParsedRequestOf<'agreements.tranche.cancel'>, { envelope }: RequestContext) {
    return this.tranches.cancel(command, envelope);
  }

  @OnRequest('agreements.tranche.invoice')
  invoiceTranche(command: ParsedRequestOf<'agreements.tranche.invoice'>, { envelope }: RequestContext) {
    return this.tranches.invoice(command, envelope);
  }

  @OnRequest('agreements.tranche.receive')
  receiveTranche(command: ParsedRequestOf<'agreements.tranche.receive'>, { envelope }: RequestContext) {
    return this.tranches.receive(command, envelope);
  }

  @OnRequest('agreements.obligation.list')
  obligations({ agreementId }: ParsedRequestOf<'agreements.obligation.list'>) {
    return this.agreements.obligations(agreementId);
  }

  @OnRequest('agreements.obligation.set')
  setObligations(command: ParsedRequestOf<'agreements.obligation.set'>, { envelope }: RequestContext) {
    return this.agreements.setObligations(command, envelope);
  }

  @OnRequest('agreements.currency-rate.list')
  listRates(query: ParsedRequestOf<'agreements.currency-rate.list'>) {
    return this.rates.list(query);
  }

  @OnRequest('agreements.currency-rate.set')
  setRates(command: ParsedRequestOf<'agreements.currency-rate.set'>, { envelope }: RequestContext) {
    return this.rates.set(command, envelope);
  }
}
