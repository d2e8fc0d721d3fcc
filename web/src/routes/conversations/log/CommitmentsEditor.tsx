import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { commitmentAnswers, commitmentAsks, type CommitmentAnswer, type CommitmentAsk } from '../../../api/conversations.ts';
import { TextInput } from '../../../components/TextInput.tsx';
import { focusSoon } from '../ErrorSummary.tsx';
import { DateField } from './DateField.tsx';
import { PersonChoice } from './PersonChoice.tsx';
import { SegmentedField } from './SegmentedField.tsx';
import { fieldId, newCommitment, type CommitmentDraft, type PickedPerson } from './formState.ts';

/** Commitments asked in the conversation: what was asked, the answer, and when it is due. */
export function CommitmentsEditor({ value, onChange, people, errors }: { value: CommitmentDraft[]; onChange: (v: CommitmentDraft[]) => void; people: PickedPerson[]; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<CommitmentDraft>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const err = (i: number, f: string) => errors[fieldId.commitment(i, f)];
  return (
    <div id="conv-commitments" tabIndex={-1}>
      {value.length === 0 && <p className="muted">{t('conversations.commitments.none')}</p>}
      {value.map((c, i) => (
        <fieldset key={c.key} className="form-section repeat-row">
          <legend>{t('conversations.commitments.number', { n: i + 1 })}</legend>
          <SegmentedField
            id={fieldId.commitment(i, 'ask')}
            label={t('conversations.commitments.ask')}
            options={commitmentAsks.map((a) => ({ id: a, label: t(`conversations.asks.${a}`) }))}
            value={c.ask}
            onChange={(v) => set(i, { ask: v as CommitmentAsk })}
            error={err(i, 'ask')}
            isRequired
          />
          {c.ask === 'custom' && (
            <TextInput id={fieldId.commitment(i, 'customText')} label={t('conversations.commitments.customText')} value={c.customText} onChange={(v) => set(i, { customText: v })} error={err(i, 'customText')} isRequired />
          )}
          <SegmentedField
            id={fieldId.commitment(i, 'answer')}
            label={t('conversations.commitments.answer')}
            options={commitmentAnswers.map((a) => ({ id: a, label: t(`conversations.answers.${a}`) }))}
            value={c.answer}
            onChange={(v) => set(i, { answer: v as CommitmentAnswer })}
            error={err(i, 'answer')}
          />
          <DateField id={fieldId.commitment(i, 'dueOn')} label={t('conversations.commitments.dueOn')} hint={t('conversations.optional')} value={c.dueOn} onChange={(v) => set(i, { dueOn: v })} error={err(i, 'dueOn')} />
          <PersonChoice id={fieldId.commitment(i, 'personId')} people={people} value={c.personId} onChange={(v) => set(i, { personId: v })} error={err(i, 'personId')} />
          <Button className="react-aria-Button button--secondary" aria-label={t('conversations.commitments.removeNamed', { n: i + 1 })} onPress={() => onChange(value.filter((_, j) => j !== i))}>
            {t('common.remove')}
          </Button>
        </fieldset>
      ))}
      <Button className="react-aria-Button button--secondary" onPress={() => { onChange([...value, newCommitment()]); focusSoon(fieldId.commitment(value.length, 'ask')); }}>{t('conversations.commitments.add')}</Button>
    </div>
  );
}
