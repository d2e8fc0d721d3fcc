import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssessmentPhase, Scale } from '../../../api/conversations.ts';
import { PersonChoice } from './PersonChoice.tsx';
import { ScaleField } from './ScaleField.tsx';
import { assessmentKey, fieldId, type LogFormState } from './formState.ts';

/** A rating on each of the organisation's scales: once, or before and after for persuasive conversations. */
export function AssessmentsEditor({ scales, form, setForm, errors }: { scales: Scale[]; form: LogFormState; setForm: Dispatch<SetStateAction<LogFormState>>; errors: Record<string, string> }) {
  const { t } = useTranslation();
  const live = scales.filter((s) => !s.archived);
  const setValue = (key: string, v: number | undefined) => setForm((f) => ({ ...f, assessments: { ...f.assessments, [key]: v } }));
  if (live.length === 0) return <p className="muted">{t('conversations.assess.noScales')}</p>;
  return (
    <div id="conv-assessments" tabIndex={-1}>
      <PersonChoice id="conv-assess-person" people={form.people} value={form.assessedPersonId} onChange={(v) => setForm((f) => ({ ...f, assessedPersonId: v }))} />
      {live.map((s) => {
        const phases: AssessmentPhase[] = s.phases === 'before_after' ? ['before', 'after'] : ['single'];
        return (
          <div key={s.id} className={phases.length > 1 ? 'scale-pair' : undefined}>
            {phases.map((phase) => {
              const key = assessmentKey(s.key, phase);
              const id = fieldId.assessment(s.key, phase);
              return <ScaleField key={key} id={id} scale={s} phase={phase} value={form.assessments[key]} onChange={(v) => setValue(key, v)} error={errors[id]} />;
            })}
          </div>
        );
      })}
    </div>
  );
}
