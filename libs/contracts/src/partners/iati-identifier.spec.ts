import { describe, expect, it } from 'vitest';
import { iatiOrganisationIdentifierProblem } from './iati-identifier';

describe('IATI organisation identifier', () => {
  it.each(['XM-DAC-41302', 'GB-COH-01234567', 'XI-IATI-EC_INTPA', 'CA_AB-ABT-12-34', 'NO-BRC-971277882'])(
    'accepts %s',
    (identifier) => {
      expect(iatiOrganisationIdentifierProblem(identifier)).toBeNull();
    },
  );

  it.each([
    ['GB-COH-123/4', 'must not contain /, &, | or ? (IATI rule)'],
    ['GB-COH-12 34', 'must not contain spaces (IATI rule)'],
    [
      'ZZ-NOPE-1234',
      'must start with an IATI registration agency code, e.g. XM-DAC or GB-COH, then a hyphen',
    ],
    ['41302', 'must start with an IATI registration agency code, e.g. XM-DAC or GB-COH, then a hyphen'],
    ['XM-DAC-', 'must have the identifier in the XM-DAC register after "XM-DAC-"'],
  ])('refuses %s: %s', (identifier, problem) => {
    expect(iatiOrganisationIdentifierProblem(identifier)).toBe(problem);
  });
});
