import type { Browser, Page } from 'playwright-core';

/** A person the admin invites, and later signs in as. */
export interface Person {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

/**
 * Signs `who` in, in a browser context of their own (own cookies), and records every CSP refusal
 * or page error into `violations`, which the journeys assert is empty at the end.
 */
export const signIn = async (
  browser: Browser,
  baseUrl: string,
  who: { email: string; password: string },
  violations: string[],
  viewport = { width: 1280, height: 900 },
): Promise<Page> => {
  const context = await browser.newContext({ viewport, locale: 'en-GB' });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(error.message));
  await page.goto(baseUrl);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Partners' }).waitFor();
  return page;
};

export const navigate = (page: Page, to: string) =>
  page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: to }).click();

/** Administration → Users: invites `person` with one role, and waits for their row. */
export const invite = async (page: Page, person: Person, role: string): Promise<void> => {
  await page.getByRole('button', { name: 'Invite user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a user' });
  await dialog.getByLabel(/^Name/).fill(person.name);
  await dialog.getByLabel('Email').fill(person.email);
  await dialog.getByPlaceholder('Choose one or more roles').click();
  await page.getByRole('option', { name: role }).click();
  await dialog.getByLabel(/^Password/).fill(person.password);
  await dialog.getByRole('button', { name: 'Create account' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('row', { name: new RegExp(person.name) }).waitFor();
};

/** Partners → New partner: registers a foundation named `name`, and waits for its row. */
export const registerFoundation = async (page: Page, name: string): Promise<void> => {
  await page.getByRole('button', { name: 'New partner' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register a partner' });
  await dialog.getByLabel(/^Name/).fill(name);
  await dialog.getByRole('combobox', { name: 'Organisation type' }).click();
  await page.getByRole('option', { name: 'Foundation' }).click();
  await dialog.getByRole('combobox', { name: 'Category' }).click();
  await page.getByRole('option', { name: 'Foundation' }).click();
  await dialog.getByRole('button', { name: 'Create partner' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('row', { name: new RegExp(name) }).waitFor();
};
