import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { busKinds } from '@pardev/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invite, navigate, registerFoundation, signIn } from '../support/admin-pages';
import { launchBrowser } from '../support/browser';
import { ADMIN, root, startSystemUnderTest, type SystemUnderTest } from '../support/system-under-test';

const screenshots = join(root, 'tmp/e2e');
const OFFICER = {
  name: 'Oscar Officer',
  email: 'oscar@test.pardev.local',
  password: 'oscar’s first password',
};
const FINANCE = {
  name: 'Fiona Finance',
  email: 'fiona@test.pardev.local',
  password: 'fiona’s first password',
};

const today = () => new Date().toISOString().slice(0, 10);
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

// On the embedded default, and on NATS with PostgreSQL when TEST_NATS_URL / TEST_DATABASE_URL are set.
describe.each(busKinds())(
  'a funding agreement from draft to signature, money received in EUR, and a blocked partner refused (%s)',
  (kind) => {
    let sut: SystemUnderTest;
    let browser: Browser;
    const violations: string[] = [];

    const openAs = (who: { email: string; password: string }): Promise<Page> =>
      signIn(browser, sut.system.baseUrl, who, violations);

    /** agreements-service's copy of a partner (fed by events). */
    const partnerOption = async (page: Page, name: string) => {
      const response = await page.request.get(
        `${sut.system.baseUrl}/api/v1/agreements/partner-options?q=${encodeURIComponent(name)}`,
      );
      const { items } = (await response.json()) as {
        items: { id: string; blockedForNewAgreements: boolean }[];
      };
      return items[0];
    };
    const eventually = async (page: Page, probe: () => Promise<boolean>): Promise<void> => {
      for (let i = 0; i < 150 && !(await probe()); i++) await page.waitForTimeout(100);
      expect(await probe()).toBe(true);
    };

    const pick = async (page: Page, label: string | RegExp, search: string, option: string | RegExp) => {
      const input = page
        .getByRole('textbox', { name: label })
        .or(page.getByRole('combobox', { name: label }))
        .first();
      await input.click();
      // Searchable selects take typing; the others only a click.
      if (await input.isEditable()) await input.fill(search);
      await page.getByRole('option', { name: option }).first().click();
    };

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      [sut, browser] = await Promise.all([startSystemUnderTest(kind), launchBrowser()]);
    });

    afterAll(async () => {
      await browser?.close();
      await sut?.stop();
    });

    it('admin drafts an EUR agreement with two tranches and signs it; finance records tranche 1; a red-flagged partner cannot sign', async () => {
      const admin = await openAs(ADMIN);
      await navigate(admin, 'Administration');
      await admin.getByRole('heading', { name: 'Users' }).waitFor();
      await invite(admin, OFFICER, 'Partnership officer');
      await invite(admin, FINANCE, 'Finance');
      await navigate(admin, 'Partners');
      await registerFoundation(admin, 'Norad Foundation');
      await registerFoundation(admin, 'Globex Trading');
      await eventually(
        admin,
        async () => (await partnerOption(admin, 'Norad'))?.blockedForNewAgreements === false,
      );
      await eventually(
        admin,
        async () => (await partnerOption(admin, 'Globex'))?.blockedForNewAgreements === false,
      );

      // The guided creation flow.
      await navigate(admin, 'Agreements');
      await admin.getByRole('heading', { name: 'Agreements' }).waitFor();
      await admin.getByRole('link', { name: 'New agreement' }).click();
      await admin.getByRole('heading', { name: 'New funding agreement' }).waitFor();
      await pick(admin, /Funding partners/, 'Norad', /Norad Foundation/);
      await admin.getByRole('textbox', { name: /^Title/ }).fill('Skills for green jobs in Kenya');
      await pick(admin, /Agreement type/, 'Project', 'Project agreement');
      await pick(admin, /Funding source/, 'XBDC', 'XBDC (earmarked)');
      await pick(admin, /Earmarking category/, '3', /^3 · /);
      await admin.getByRole('button', { name: 'Next' }).click();

      await pick(admin, /^Currency/, 'EUR', /^EUR$/);
      await admin.getByRole('textbox', { name: /Total amount \(EUR\)/ }).fill('200000.00');
      await admin.getByRole('button', { name: 'Next' }).click();

      await admin.getByLabel('Start date').fill('2026-01-01');
      await admin.getByLabel('End date').fill('2028-12-31');
      await pick(admin, /Responsible officer/, 'Oscar', 'Oscar Officer');
      await admin.getByRole('button', { name: 'Next' }).click();

      await admin.getByRole('button', { name: 'Add a country or region' }).click();
      await pick(admin, /^Country$/, 'Kenya', 'Kenya');
      await admin.getByRole('textbox', { name: 'Share' }).first().fill('100');
      await admin.getByRole('button', { name: 'Add a sector' }).click();
      await pick(admin, /^Sector$/, '16020', /^16020 · /);
      await admin.getByRole('textbox', { name: 'Share' }).nth(1).fill('100');
      await admin.getByRole('checkbox', { name: /^3 · / }).check();
      await admin.getByTestId('recipients-sum').getByText('100 % of 100 %').waitFor();
      await admin.getByRole('button', { name: 'Next' }).click();
      await admin.getByRole('button', { name: 'Create the draft' }).click();

      // The record page: plan two tranches that sum to the total.
      await admin.getByRole('heading', { name: 'Skills for green jobs in Kenya' }).waitFor();
      const agreementUrl = admin.url();
      await admin.getByRole('tab', { name: 'Money and tranches' }).click();
      for (const [plannedOn, amount] of [
        ['2026-12-15', '120000.00'],
        ['2027-06-15', '80000.00'],
      ] as const) {
        await admin.getByRole('button', { name: 'Add a tranche' }).click();
        const dialog = admin.getByRole('dialog', { name: 'Plan a tranche' });
        await dialog.getByLabel(/Planned date/).fill(plannedOn);
        await dialog.getByLabel(/Amount \(EUR\)/).fill(amount);
        await dialog.getByRole('button', { name: 'Save' }).click();
        await dialog.waitFor({ state: 'hidden' });
      }
      await admin.getByTestId('tranche-2').waitFor();
      expect(await admin.getByTestId('schedule-gap').count()).toBe(0);

      // Submit, approve, sign.
      await admin.getByRole('tab', { name: 'Summary' }).click();
      await admin.getByRole('button', { name: 'Submit for review' }).click();
      await admin.getByTestId('agreement-status').getByText('In review').waitFor();
      await admin.getByRole('button', { name: 'Approve' }).click();
      await admin.getByTestId('agreement-status').getByText('Pending signature').waitFor();
      await admin.getByRole('button', { name: 'Record signature' }).click();
      const sign = admin.getByRole('dialog', { name: 'Record signature' });
      await sign.getByLabel(/Signed on/).fill(today());
      await sign.getByRole('button', { name: 'Record signature' }).click();
      await sign.waitFor({ state: 'hidden' });
      await admin.getByTestId('agreement-status').getByText('Signed').waitFor();
      await admin.screenshot({ path: join(screenshots, `agreement-signed-${kind}.png`) });

      // Finance sets the EUR rate of this month, then records tranche 1 as received in EUR.
      const finance = await openAs(FINANCE);
      await navigate(finance, 'Administration');
      await finance.getByRole('heading', { name: 'Currency rates' }).waitFor();
      await pick(finance, /^Currency/, 'EUR', /^EUR$/);
      await finance.getByRole('textbox', { name: /Units per USD/ }).fill('0.9');
      await finance.getByRole('button', { name: 'Save rate' }).click();
      await finance.getByTestId('rates-table').getByRole('row', { name: /EUR/ }).waitFor();

      await finance.goto(`${agreementUrl}?tab=money`);
      await finance.getByRole('button', { name: 'Record tranche 1 as received' }).click();
      const receipt = finance.getByRole('dialog', { name: 'Record tranche 1 as received' });
      await receipt.getByLabel(/Date received/).fill(today());
      await receipt.getByLabel(/Amount received \(EUR\)/).fill('120000.00');
      await receipt.getByRole('button', { name: 'Save' }).click();
      await receipt.waitFor({ state: 'hidden' });
      // 120,000.00 EUR at 0.9 EUR per USD.
      await eventually(finance, async () =>
        plain(await finance.getByTestId('schedule-received-usd').textContent()).includes('133,333.33'),
      );
      expect(plain(await finance.getByTestId('schedule-received').textContent())).toContain('120,000.00');
      expect(await finance.getByRole('button', { name: 'Add a tranche' }).count()).toBe(0);
      await finance.screenshot({ path: join(screenshots, `agreement-tranche-received-${kind}.png`) });

      // A second agreement, with Globex, up to pending signature (through the API, as the form would send it).
      const api = admin.request;
      const base = `${sut.system.baseUrl}/api/v1/agreements`;
      const globex = await partnerOption(admin, 'Globex');
      const officers = (await (await api.get(`${sut.system.baseUrl}/api/v1/staff?role=officer`)).json()) as {
        items: { id: string; displayName: string }[];
      };
      const oscar = officers.items.find((member) => member.displayName === OFFICER.name);
      const created = await api.post(base, {
        data: {
          partnerIds: [globex?.id],
          title: 'Trade and decent work',
          type: 'PROJECT_AGREEMENT',
          fundingSource: 'XBDC',
          earmarkingCategory: '3',
          currency: 'EUR',
          totalMinor: 5_000_000,
          pscRatePercent: 13,
          startOn: '2026-01-01',
          endOn: '2027-12-31',
          responsibleOfficerId: oscar?.id,
          allocations: {
            recipients: [{ kind: 'COUNTRY', code: 'GH', percent: 100 }],
            sectors: [{ vocabulary: '1', code: '16020', percent: 100 }],
            pbOutcomes: ['4'],
          },
        },
      });
      expect(created.status()).toBe(201);
      let second = (await created.json()) as { id: string; version: number };
      expect(
        (
          await api.post(`${base}/${second.id}/tranches`, {
            data: { plannedOn: '2026-12-31', amountMinor: 5_000_000 },
          })
        ).ok(),
      ).toBe(true);
      for (const action of ['submit', 'approve']) {
        const step = await api.post(`${base}/${second.id}/transitions`, {
          data: { action, version: (await (await api.get(`${base}/${second.id}`)).json()).version },
        });
        expect(step.status(), await step.text()).toBe(200);
        second = (await step.json()) as typeof second;
      }

      // A red flag on Globex, raised as in the red-flag journey.
      await navigate(admin, 'Partners');
      await admin.getByRole('link', { name: 'Globex Trading' }).click();
      await admin.getByRole('tab', { name: 'Due diligence and flags' }).click();
      await admin.getByRole('button', { name: 'Raise a flag' }).click();
      const raise = admin.getByRole('dialog', { name: /Raise a flag/ });
      await raise.getByRole('radio', { name: 'Red' }).check();
      await raise.getByRole('combobox', { name: 'Category' }).click();
      await admin.getByRole('option', { name: 'Sanctions match' }).click();
      await raise.getByLabel('Comment').fill('Listed on the consolidated sanctions list');
      await raise.getByRole('button', { name: 'Raise flag' }).click();
      await raise.waitFor({ state: 'hidden' });
      await eventually(
        admin,
        async () => (await partnerOption(admin, 'Globex'))?.blockedForNewAgreements === true,
      );

      // Signing is refused before the click, and the reason is said.
      await admin.goto(`${sut.system.baseUrl}/agreements/${second.id}`);
      await admin.getByTestId('agreement-status').getByText('Pending signature').waitFor();
      const signButton = admin.getByRole('button', { name: 'Record signature' });
      expect(await signButton.isDisabled()).toBe(true);
      await admin
        .getByTestId('refusals-sign')
        .getByText('Globex Trading is blocked for new agreements (a red flag or an expired mandatory check).')
        .waitFor();
      await admin.getByText('Blocked for new agreements', { exact: true }).waitFor();
      await admin.screenshot({ path: join(screenshots, `agreement-sign-refused-${kind}.png`) });

      // The server refuses it too, naming the rule.
      const refused = await api.post(`${base}/${second.id}/transitions`, {
        data: { action: 'sign', version: second.version, signedOn: today() },
      });
      expect(refused.status()).toBe(409);
      const problem = (await refused.json()) as { code: string; errors: { rule: string }[] };
      expect(problem.code).toBe('TRANSITION_REFUSED');
      expect(problem.errors.map((error) => error.rule)).toContain('partner_blocked');

      expect(violations).toEqual([]);
    });
  },
);
