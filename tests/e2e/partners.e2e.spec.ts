import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { ADMIN, root, startSystemUnderTest, type SystemUnderTest } from '../support/system-under-test';

const screenshots = join(root, 'tmp/e2e');

describe('a partnership officer in the admin', () => {
  let sut: SystemUnderTest;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [sut, browser] = await Promise.all([startSystemUnderTest('embedded'), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.stop();
  });

  it('signs in, registers a partner, finds it in the list and reads the page in French', async () => {
    // The admin must work under the gateway's Content-Security-Policy: any violation is a failure.
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on('pageerror', (error) => violations.push(error.message));
    const document = await page.goto(sut.system.baseUrl);
    expect(document?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Partners' }).waitFor();

    await page.getByRole('button', { name: 'New partner' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register a partner' });
    await dialog.getByLabel(/^Name/).fill('Fondation Botnar');
    await dialog.getByLabel('Acronym').fill('Botnar');
    await dialog.getByRole('combobox', { name: 'Organisation type' }).click();
    await page.getByRole('option', { name: 'Foundation' }).click();
    await dialog.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'Foundation' }).click();
    await dialog.getByRole('combobox', { name: 'Country' }).fill('Switzerland');
    await page.getByRole('option', { name: 'Switzerland' }).click();
    await dialog.getByRole('button', { name: 'Create partner' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /Fondation Botnar/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Switzerland');
    await page.screenshot({ path: join(screenshots, 'partners-en.png') });

    await page.getByLabel('Language').selectOption({ label: 'Français' });
    await page.getByRole('heading', { name: 'Partenaires' }).waitFor();
    expect(await page.getByRole('row', { name: /Fondation Botnar/ }).textContent()).toContain('Suisse');
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.screenshot({ path: join(screenshots, 'partners-fr.png') });
    expect(violations).toEqual([]);
  });
});
