import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRequestContext, Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/admin-pages';
import { launchBrowser } from '../support/browser';
import { ADMIN, root, startSystemUnderTest, type SystemUnderTest } from '../support/system-under-test';

const screenshots = join(root, 'tmp/e2e');
const today = () => new Date().toISOString().slice(0, 10);
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

// On the embedded default (the lifecycle journey also runs on NATS with PostgreSQL; the amendment
// routes are covered on both by the gateway's integration tests). Kept to one bus for CI's time.
describe.each(['embedded' as const])(
  'a signed agreement extended at no cost, its versions compared, and the signature on the partner’s timeline (%s)',
  (kind) => {
    let sut: SystemUnderTest;
    let browser: Browser;
    const violations: string[] = [];

    const openAs = (who: { email: string; password: string }): Promise<Page> =>
      signIn(browser, sut.system.baseUrl, who, violations);

    const eventually = async (page: Page, probe: () => Promise<boolean>): Promise<void> => {
      for (let i = 0; i < 150 && !(await probe()); i++) await page.waitForTimeout(100);
      expect(await probe()).toBe(true);
    };

    beforeAll(async () => {
      mkdirSync(screenshots, { recursive: true });
      [sut, browser] = await Promise.all([startSystemUnderTest(kind), launchBrowser()]);
    });

    afterAll(async () => {
      await browser?.close();
      await sut?.stop();
    });

    /** A partner, and an agreement with it signed today (through the API, as the forms would send them). */
    const signedAgreement = async (page: Page, api: APIRequestContext) => {
      const base = sut.system.baseUrl;
      const partner = await api.post(`${base}/api/v1/partners`, {
        data: { name: 'Oslo Skills Foundation', organisationType: '60', category: 'FOUNDATION' },
      });
      expect(partner.status(), await partner.text()).toBe(201);
      const { id: partnerId } = (await partner.json()) as { id: string };
      await eventually(page, async () => {
        const response = await api.get(`${base}/api/v1/agreements/partner-options?q=Oslo`);
        const { items } = (await response.json()) as {
          items: { id: string; blockedForNewAgreements: boolean }[];
        };
        return items.some((item) => item.id === partnerId && !item.blockedForNewAgreements);
      });
      const me = (await (await api.get(`${base}/api/v1/auth/me`)).json()) as { id: string };
      const created = await api.post(`${base}/api/v1/agreements`, {
        data: {
          partnerIds: [partnerId],
          title: 'Apprenticeships in Norway’s partner countries',
          type: 'PROJECT_AGREEMENT',
          fundingSource: 'XBDC',
          earmarkingCategory: '3',
          currency: 'USD',
          totalMinor: 30_000_000,
          pscRatePercent: 13,
          startOn: '2026-01-01',
          endOn: '2027-12-31',
          responsibleOfficerId: me.id,
          allocations: {
            recipients: [{ kind: 'COUNTRY', code: 'KE', percent: 100 }],
            sectors: [{ vocabulary: '1', code: '16020', percent: 100 }],
            pbOutcomes: ['3'],
          },
        },
      });
      expect(created.status(), await created.text()).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const agreements = `${base}/api/v1/agreements/${id}`;
      expect(
        (
          await api.post(`${agreements}/tranches`, {
            data: { plannedOn: '2026-06-30', amountMinor: 30_000_000 },
          })
        ).ok(),
      ).toBe(true);
      for (const action of ['submit', 'approve', 'sign']) {
        const { version } = (await (await api.get(agreements)).json()) as { version: number };
        const step = await api.post(`${agreements}/transitions`, {
          data: { action, version, ...(action === 'sign' ? { signedOn: today() } : {}) },
        });
        expect(step.status(), await step.text()).toBe(200);
      }
      return { id, partnerId };
    };

    it('proposes a no-cost extension in the admin, approves it, and reads version 1 and the end date’s diff', async () => {
      const admin = await openAs(ADMIN);
      const { id, partnerId } = await signedAgreement(admin, admin.request);

      await admin.goto(`${sut.system.baseUrl}/agreements/${id}?tab=amendments`);
      await admin.getByTestId('agreement-status').getByText('Signed').waitFor();
      await admin.getByText('No amendment yet.').waitFor();
      await admin.getByRole('button', { name: 'Propose an amendment' }).click();
      const dialog = admin.getByRole('dialog', { name: /Propose an amendment/ });
      await dialog
        .getByRole('textbox', { name: /Amendment type/ })
        .or(dialog.getByRole('combobox', { name: /Amendment type/ }))
        .first()
        .click();
      await admin.getByRole('option', { name: 'No-cost extension' }).click();
      // Nothing changed yet: the type's rule is explained before anything is sent.
      await dialog.getByText('A no-cost extension moves the end date later.').waitFor();
      await dialog.getByLabel('End date').fill('2028-06-30');
      await dialog.getByTestId('amendment-problems').waitFor({ state: 'detached' });
      await dialog.getByRole('textbox', { name: /^Reason/ }).fill('Field work delayed by the rainy season');
      await dialog.getByRole('button', { name: 'Propose an amendment' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await admin.getByText('Awaiting decision').waitFor();

      await admin.getByRole('button', { name: 'Approve' }).click();
      const approve = admin.getByRole('dialog', { name: 'Approve amendment 1' });
      await approve.getByLabel(/Signed on/).fill(today());
      await approve.getByRole('button', { name: 'Approve' }).click();
      await approve.waitFor({ state: 'hidden' });
      await admin.getByText('Approved', { exact: true }).waitFor();
      await admin.getByText(/made version 1/).waitFor();

      // Versions 0 (as signed) and 1; the diff between them is the end date.
      const versions = admin.getByTestId('versions-table');
      await versions.getByRole('row').nth(2).waitFor();
      expect(await versions.getByRole('row').count()).toBe(3);
      const diff = admin.getByTestId('version-diff');
      await diff.waitFor();
      const rows = diff.getByRole('row');
      expect(await rows.count()).toBe(2);
      expect(plain(await rows.nth(1).textContent())).toMatch(/End date.*Dec 31, 2027.*Jun 30, 2028/);
      await admin.screenshot({ path: join(screenshots, `agreement-amendment-diff-${kind}.png`) });

      // The partner's timeline lists the signature.
      await admin.goto(`${sut.system.baseUrl}/partners/${partnerId}?tab=timeline`);
      const timeline = admin.getByTestId('partner-timeline');
      await eventually(
        admin,
        async () => (await timeline.getByText('Pending signature → Signed').count()) > 0,
      );
      await timeline.getByText('Agreement drafted').waitFor();
      await admin.screenshot({ path: join(screenshots, `partner-timeline-${kind}.png`) });

      expect(violations).toEqual([]);
    });
  },
);
