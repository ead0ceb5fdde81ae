import { Roles } from '@pardev/contracts';
import type { TFunction } from 'i18next';
import { roleLabelKey } from '../../../lib/reference-labels';

/** The roles as MultiSelect options, labelled in the current language. */
export const roleOptions = (t: TFunction) =>
  Roles.map((role) => ({ value: role, label: t(roleLabelKey(role)) }));
