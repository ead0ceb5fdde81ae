import { describe, expect, it } from 'vitest';
import { correlationIdFrom } from './correlation-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('correlation id', () => {
  it('keeps a caller id made of letters, digits, dashes and underscores', () => {
    expect(correlationIdFrom('req_42-ABC')).toBe('req_42-ABC');
    expect(correlationIdFrom('a'.repeat(100))).toBe('a'.repeat(100));
  });

  it('replaces a missing, empty, too long or repeated header with a new UUIDv7', () => {
    for (const header of [undefined, '', 'a'.repeat(101), ['one', 'two']]) {
      expect(correlationIdFrom(header)).toMatch(UUID);
    }
  });

  it('replaces ids that could forge log lines or headers', () => {
    for (const header of ['abc\nINFO fake entry', 'abc def', 'abc;rm', '../../etc', '<script>']) {
      expect(correlationIdFrom(header)).toMatch(UUID);
    }
  });

  it('gives each request without an id a different one', () => {
    expect(correlationIdFrom(undefined)).not.toBe(correlationIdFrom(undefined));
  });
});
