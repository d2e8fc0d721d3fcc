import type { TFunction } from 'i18next';

/** A readable name for an audit action ("role.grant" → "Role granted"); unknown actions are shown tidied up. */
export function actionLabel(t: TFunction, action: string): string {
  const tidy = action.replace(/[._]/g, ' ');
  return t(`audit.actions.${action}`, { defaultValue: tidy.charAt(0).toUpperCase() + tidy.slice(1) });
}

/** The actions offered in the filter: every known one, plus "anything in this group" per group. */
export function actionOptions(t: TFunction, catalogue: Record<string, Record<string, string>>): { id: string; label: string }[] {
  const out: { id: string; label: string }[] = [];
  for (const [group, actions] of Object.entries(catalogue)) {
    out.push({ id: `${group}.*`, label: t('audit.filters.allOf', { group: t(`audit.groups.${group}`, { defaultValue: group }) }) });
    for (const verb of Object.keys(actions)) out.push({ id: `${group}.${verb}`, label: actionLabel(t, `${group}.${verb}`) });
  }
  return out;
}
