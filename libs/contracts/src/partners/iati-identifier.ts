import { OrganisationRegistrationAgencyCodes } from '@pardev/reference-data';

const agencies = new Set<string>(OrganisationRegistrationAgencyCodes);

/**
 * What is wrong with an IATI organisation identifier, or null when it is valid. The identifier is
 * `<registration agency>-<identifier in that register>` (e.g. XM-DAC-41302, GB-COH-01234567): the
 * agency from the IATI OrganisationRegistrationAgency codelist, and (IATI 2.03 rules) none of the
 * symbols / & | ? and no spaces.
 */
export const iatiOrganisationIdentifierProblem = (identifier: string): string | null => {
  if (/[/&|?]/.test(identifier)) return 'must not contain /, &, | or ? (IATI rule)';
  if (/\s/.test(identifier)) return 'must not contain spaces (IATI rule)';
  const [country, register, ...rest] = identifier.split('-');
  const agency = `${country}-${register}`;
  if (register === undefined || !agencies.has(agency)) {
    return 'must start with an IATI registration agency code, e.g. XM-DAC or GB-COH, then a hyphen';
  }
  if (rest.join('-') === '') return `must have the identifier in the ${agency} register after "${agency}-"`;
  return null;
};
