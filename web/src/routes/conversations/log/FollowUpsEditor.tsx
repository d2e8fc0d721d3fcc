import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { PickedAccount } from '../../../api/accounts.ts';
import { TextInput } from '../../../components/TextInput.tsx';
import { focusSoon } from '../ErrorSummary.tsx';
import { AccountPicker } from './AccountPicker.tsx';
import { DateField } from './DateField.tsx';
import { PersonChoice } from './PersonChoice.tsx';
import { fieldId, newFollowUp, type FollowUpDraft, type PickedPerson } from './formState.ts';

/** Follow-ups to do after the conversation: who (me unless changed), when, and why. */
export function FollowUpsEditor({ value, onChange, people, errors, me }: { value: FollowUpDraft[]; onChange: (v: FollowUpDraft[]) => void; people: PickedPerson[]; errors: Record<string, string>; me?: PickedAccount }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<FollowUpDraft>) => onChange(value.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const err = (i: number, f: string) => errors[fieldId.followUp(i, f)];
  return (
    <div id="conv-follow-ups" tabIndex={-1}>
      {value.length === 0 && <p className="muted">{t('conversations.followUps.none')}</p>}
      {value.map((f, i) => (
        <fieldset key={f.key} className="form-section repeat-row">
          <legend>{t('conversations.followUps.number', { n: i + 1 })}</legend>
          <AccountPicker
            id={fieldId.followUp(i, 'assignee')}
            label={t('conversations.followUps.assignee')}
            searchLabel={t('conversations.followUps.findAssignee')}
            can="log"
            value={f.assignee ?? me ?? null}
            onChange={(a) => set(i, { assignee: a.id === me?.id ? null : a })}
            me={me}
            error={err(i, 'assignee')}
          />
          <DateField id={fieldId.followUp(i, 'dueOn')} label={t('conversations.followUps.dueOn')} value={f.dueOn} onChange={(v) => set(i, { dueOn: v })} error={err(i, 'dueOn')} isRequired />
          <TextInput id={fieldId.followUp(i, 'reason')} label={t('conversations.followUps.reason')} value={f.reason} onChange={(v) => set(i, { reason: v })} error={err(i, 'reason')} />
          <PersonChoice id={fieldId.followUp(i, 'personId')} people={people} value={f.personId} onChange={(v) => set(i, { personId: v })} error={err(i, 'personId')} />
          <Button className="react-aria-Button button--secondary" aria-label={t('conversations.followUps.removeNamed', { n: i + 1 })} onPress={() => onChange(value.filter((_, j) => j !== i))}>
            {t('common.remove')}
          </Button>
        </fieldset>
      ))}
      <Button className="react-aria-Button button--secondary" onPress={() => { onChange([...value, newFollowUp()]); focusSoon(fieldId.followUp(value.length, 'dueOn')); }}>{t('conversations.followUps.add')}</Button>
    </div>
  );
}
