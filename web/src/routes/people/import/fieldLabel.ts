import type { TFunction } from 'i18next';
import type { CustomField } from '../../../api/people.ts';

/** What an import field is called on screen: "First name", "Trade union (custom field)", "Do not import". */
export function importFieldLabel(t: TFunction, field: string, custom: CustomField[]): string {
  if (field.startsWith('custom:')) {
    const def = custom.find((d) => d.key === field.slice(7));
    return t('peopleTools.import.customField', { label: def?.label ?? field.slice(7) });
  }
  return t(`peopleTools.importFields.${field}`, { defaultValue: field });
}
