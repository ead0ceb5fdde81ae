import { describe, expect, it } from 'vitest';
import { isCrossSite } from './same-origin.guard';

const own = ['http://127.0.0.1:3000', 'https://admin.ilo.org'];

describe('isCrossSite', () => {
  it('refuses a state change sent from another site', () => {
    expect(isCrossSite('POST', { origin: 'https://evil.example' }, own)).toBe(true);
    expect(isCrossSite('POST', { referer: 'https://evil.example/form.html' }, own)).toBe(true);
  });

  it('accepts the admin itself and the allowed origins', () => {
    expect(isCrossSite('POST', { origin: 'http://127.0.0.1:3000' }, own)).toBe(false);
    expect(isCrossSite('POST', { referer: 'https://admin.ilo.org/partners' }, own)).toBe(false);
  });

  it('leaves reads and clients that are not browser pages alone', () => {
    expect(isCrossSite('GET', { origin: 'https://evil.example' }, own)).toBe(false);
    expect(isCrossSite('POST', {}, own)).toBe(false);
  });

  it('refuses a malformed origin on a state change', () => {
    expect(isCrossSite('POST', { origin: 'not a url' }, own)).toBe(true);
  });
});
