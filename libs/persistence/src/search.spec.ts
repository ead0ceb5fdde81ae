import { describe, expect, it } from 'vitest';
import { containing } from './search';

describe('containing', () => {
  it('matches the text anywhere and takes wildcards in it literally', () => {
    expect(containing('sida')).toBe('%sida%');
    expect(containing('100%_a\\b')).toBe('%100\\%\\_a\\\\b%');
  });
});
