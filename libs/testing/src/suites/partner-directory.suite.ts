import type { EventOf } from '@pardev/contracts';
import type { DynamicModule } from '@nestjs/common';
import { MessageBus, createTransport, type Transport } from '@pardev/messaging';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBus, type TestBus } from '../buses';
import { runtimeKinds } from '../combinations';
import { aPartnerRegistered, aPartnerUpdated, publishEvent, waitFor } from '../events';
import { bootService, serviceEnvironment, type BootedService, type ServiceEnvironment } from '../services';

export interface PartnerDirectorySuite {
  /** e.g. `agreements-service`. */
  readonly service: string;
  readonly module: (env: ServiceEnvironment) => DynamicModule;
  readonly listSubject: 'agreements.partner-option.list' | 'results.partner-directory.list';
  /** The directory also follows partners.partner.status-changed.v1 (blocked for new agreements). */
  readonly followsBlocking?: boolean;
}

/**
 * The behaviour every service that keeps a local partner directory from partner events must have:
 * the copy appears, redeliveries and stale versions change nothing, and bad events are dead-lettered.
 */
export const describePartnerDirectory = ({
  service,
  module,
  listSubject,
  followsBlocking = false,
}: PartnerDirectorySuite): void => {
  describe.each(runtimeKinds())(`${service} partner directory on %s bus with %s`, (busKind, databaseKind) => {
    let bus: TestBus;
    let booted: BootedService;
    let client: Transport;
    let requests: MessageBus;
    let drop: () => Promise<void>;

    const named = async (q: string) => (await requests.request(listSubject, { q })).items;
    const appears = (q: string) => waitFor(async () => ((await named(q)).length > 0 ? true : undefined));

    beforeAll(async () => {
      bus = await startTestBus(busKind);
      const environment = await serviceEnvironment(bus, databaseKind, service.replace(/-/g, '_'));
      drop = environment.drop;
      booted = await bootService(module(environment.env));
      client = createTransport(bus.url, `${service}-int-test`, { namespace: bus.namespace });
      await client.connect();
      requests = new MessageBus(client, `${service}-int-test`);
    });

    afterAll(async () => {
      await client?.close();
      await booted?.close();
      await bus?.close();
      await drop?.();
    });

    it('adds a registered partner to the directory', async () => {
      const event = aPartnerRegistered({
        name: 'Danish International Development Agency',
        acronym: 'Danida',
        country: 'DK',
      });
      await publishEvent(client, 'partners.partner.registered.v1', event);
      await appears('danida');
      expect(await named('danida')).toEqual([
        expect.objectContaining({
          id: event.partnerId,
          name: event.name,
          acronym: 'Danida',
          category: 'GOVERNMENT_OECD_DAC',
          country: 'DK',
        }),
      ]);
    });

    it('applies a redelivered message once and never lets an older version overwrite a newer one', async () => {
      const v2 = aPartnerRegistered({
        name: 'Agence Française de Développement',
        acronym: 'AFD',
        country: 'FR',
        version: 2,
      });
      const messageId = await publishEvent(client, 'partners.partner.registered.v1', v2);
      await publishEvent(client, 'partners.partner.registered.v1', v2, messageId);
      await publishEvent(client, 'partners.partner.registered.v1', { ...v2, name: 'Stale name', version: 1 });
      await publishEvent(
        client,
        'partners.partner.registered.v1',
        aPartnerRegistered({ name: 'Marker partner after AFD' }),
      );
      await appears('marker partner after afd');

      expect(await named('Agence Française')).toEqual([
        expect.objectContaining({ id: v2.partnerId, name: v2.name }),
      ]);
      const inbox = await booted.app
        .get(DataSource)
        .query(`SELECT count(*)::int AS n FROM inbox WHERE message_id = $1`, [messageId]);
      expect(inbox[0].n).toBe(1);
    });

    it('takes a renamed partner from partners.partner.updated.v1, and ignores an update older than its copy', async () => {
      const registered = aPartnerRegistered({ name: 'Irish Aid before renaming', country: 'IE' });
      await publishEvent(client, 'partners.partner.registered.v1', registered);
      await appears('irish aid before');
      const updated = {
        ...aPartnerUpdated(registered),
        name: 'Irish Aid (Department of Foreign Affairs)',
        acronym: 'DFA',
        version: 3,
      };
      await publishEvent(client, 'partners.partner.updated.v1', updated);
      await publishEvent(client, 'partners.partner.updated.v1', {
        ...updated,
        name: 'Older name',
        version: 2,
      });
      await appears('department of foreign affairs');
      await publishEvent(
        client,
        'partners.partner.registered.v1',
        aPartnerRegistered({ name: 'Marker after the rename' }),
      );
      await appears('marker after the rename');
      expect(await named('Irish Aid')).toEqual([
        expect.objectContaining({ id: registered.partnerId, name: updated.name, acronym: 'DFA' }),
      ]);
      expect(await named('before renaming')).toEqual([]);
    });

    // Registered only for directories that follow it (no skipped test elsewhere).
    if (followsBlocking)
      it('marks a partner blocked when partners-service says so; an older status or a profile update does not undo it', async () => {
        const registered = aPartnerRegistered({
          name: 'Blockable Trading Ltd',
          category: 'PRIVATE_SECTOR',
          country: null,
        });
        await publishEvent(client, 'partners.partner.registered.v1', registered);
        await appears('blockable trading');
        const status = (
          version: number,
          blocked: boolean,
        ): EventOf<'partners.partner.status-changed.v1'> => ({
          partnerId: registered.partnerId,
          status: blocked ? 'BLOCKED' : 'ACTIVE',
          previousStatus: blocked ? 'ACTIVE' : 'BLOCKED',
          blockedForNewAgreements: blocked,
          reasons: blocked ? ['RED_FLAG'] : [],
          version,
          changedAt: new Date().toISOString(),
        });
        await publishEvent(client, 'partners.partner.status-changed.v1', status(3, true));
        await publishEvent(client, 'partners.partner.status-changed.v1', status(2, false));
        await publishEvent(client, 'partners.partner.updated.v1', {
          ...aPartnerUpdated(registered),
          version: 4,
        });
        const blocked = async () =>
          (await requests.request('agreements.partner-option.list', { q: 'blockable trading' })).items[0]
            ?.blockedForNewAgreements;
        await waitFor(async () => ((await blocked()) === true ? true : undefined));
        await publishEvent(
          client,
          'partners.partner.registered.v1',
          aPartnerRegistered({ name: 'Marker after blocking' }),
        );
        await appears('marker after blocking');
        expect(await blocked()).toBe(true);
        await publishEvent(client, 'partners.partner.status-changed.v1', status(5, false));
        await waitFor(async () => ((await blocked()) === false ? true : undefined));
      });

    it('dead-letters an event that breaks its contract, with the field and the rule, and keeps consuming', async () => {
      const broken = {
        ...aPartnerRegistered({ name: 'Broken partner' }),
        category: 'DONOR',
      } as unknown as ReturnType<typeof aPartnerRegistered>;
      const messageId = await publishEvent(client, 'partners.partner.registered.v1', broken);
      await publishEvent(
        client,
        'partners.partner.registered.v1',
        aPartnerRegistered({ name: 'Partner after the broken one' }),
      );
      await appears('after the broken one');
      const [letter] = await booted.app
        .get(DataSource)
        .query(`SELECT reason FROM dead_letter WHERE message_id = $1`, [messageId]);
      expect(letter.reason).toMatch(/invalid payload: category: invalid_value/);
      expect(await named('Broken partner')).toEqual([]);
    });
  });
};
