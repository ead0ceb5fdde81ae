import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { ADMIN, root, startSystemUnderTest, type SystemUnderTest } from '../support/system-under-test';

const screenshots = join(root, 'tmp/e2e');

describe('a red flag blocks a partner for new agreements, across services, until it is resolved', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let page: Page;

  /** What agreements-service (its own copy, fed by events) says about the partner. */
  const blockedInAgreements = async (name: string): Promise<boolean | undefined> => {
    const response = await page.request.get(
      `${sut.system.baseUrl}/api/v1/agreements/partner-options?q=${encodeURIComponent(name)}`,
    );
    const { items } = (await response.json()) as { items: { blockedForNewAgreements: boolean }[] };
    return items[0]?.blockedForNewAgreements;
  };
  const eventually = async (probe: () => Promise<boolean>): Promise<void> => {
    for (let i = 0; i < 100 && !(await probe()); i++) await page.waitForTimeout(100);
    expect(await probe()).toBe(true);
  };

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [sut, browser] = await Promise.all([startSystemUnderTest('embedded'), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.stop();
  });

  it('an admin raises a red flag, the partner is blocked in the admin and in agreements-service, then resolves it', async () => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(sut.system.baseUrl);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Partners' }).waitFor();

    // A private-sector partner, registered through the form.
    await page.getByRole('button', { name: 'New partner' }).click();
    const create = page.getByRole('dialog', { name: 'Register a partner' });
    await create.getByLabel(/^Name/).fill('Globex Trading');
    await create.getByRole('combobox', { name: 'Organisation type' }).click();
    await page.getByRole('option', { name: 'Private Sector', exact: false }).first().click();
    await create.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Private sector' }).click();
    await create.getByRole('button', { name: 'Create partner' }).click();
    await create.waitFor({ state: 'hidden' });
    await eventually(async () => (await blockedInAgreements('Globex')) === false);

    // Raise a red flag from its due-diligence tab.
    await page.getByRole('link', { name: 'Globex Trading' }).click();
    await page.getByRole('tab', { name: 'Due diligence and flags' }).click();
    await page.getByRole('button', { name: 'Raise a flag' }).click();
    const raise = page.getByRole('dialog', { name: /Raise a flag/ });
    await raise.getByRole('radio', { name: 'Red' }).check();
    await raise.getByText('This partner will be blocked for new agreements').waitFor();
    await raise.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Sanctions match' }).click();
    await raise.getByLabel('Comment').fill('Listed on the consolidated sanctions list on 2026-11-20');
    await raise.getByRole('button', { name: 'Raise flag' }).click();
    await raise.waitFor({ state: 'hidden' });

    await page.getByText('Blocked for new agreements', { exact: true }).waitFor();
    await eventually(async () => (await blockedInAgreements('Globex')) === true);
    await page.screenshot({ path: join(screenshots, 'partner-blocked.png') });

    // The admin resolves it; the block lifts everywhere.
    await page.getByRole('button', { name: /^Resolve flag: Red/ }).click();
    const resolve = page.getByRole('dialog', { name: 'Resolve a flag' });
    await resolve
      .getByLabel('Resolution')
      .fill('A different company with a similar name; confirmed by the vendor team');
    await resolve.getByRole('button', { name: 'Resolve flag' }).click();
    await resolve.waitFor({ state: 'hidden' });
    await page.getByText('Blocked for new agreements', { exact: true }).waitFor({ state: 'hidden' });
    await eventually(async () => (await blockedInAgreements('Globex')) === false);
    expect(violations).toEqual([]);
  });
});
