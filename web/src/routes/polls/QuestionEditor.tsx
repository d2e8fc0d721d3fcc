import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { SelectField, StatusMessage, TextInput } from '../../components/index.ts';
import { pollKeys, questionKinds, type Question, type QuestionKind } from './api.ts';

const hasOptions = (k: QuestionKind) => k === 'single_choice' || k === 'multiple_choice' || k === 'ranking';

/**
 * Adds a question to a programme's bank, or edits one (existing options keep their ids, so the
 * server can tell a reworded option from a new one and refuse changes to answered questions).
 */
export function QuestionEditor({ programmeId, question, onDone }: { programmeId: string; question?: Question; onDone?: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<QuestionKind>(question?.kind ?? 'single_choice');
  const [prompt, setPrompt] = useState(question?.prompt ?? '');
  const [options, setOptions] = useState<{ id?: string; label: string }[]>(question?.options.length ? question.options : [{ label: '' }, { label: '' }]);
  const [scaleMin, setScaleMin] = useState(String(question?.scaleMin ?? 1));
  const [scaleMax, setScaleMax] = useState(String(question?.scaleMax ?? 5));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const body = {
      kind, prompt,
      ...(hasOptions(kind) ? { options: options.filter((o) => o.label.trim()).map((o) => (o.id ? { id: o.id, label: o.label } : { label: o.label })) } : {}),
      ...(kind === 'scale' ? { scaleMin: Number(scaleMin), scaleMax: Number(scaleMax) } : {}),
    };
    try {
      await api(question ? `/programmes/${programmeId}/questions/${question.id}` : `/programmes/${programmeId}/questions`, { method: question ? 'PUT' : 'POST', body });
      await queryClient.invalidateQueries({ queryKey: pollKeys.programme(programmeId) });
      setErrors({});
      setFormError(null);
      setSaved(true);
      if (!question) {
        setPrompt('');
        setOptions([{ label: '' }, { label: '' }]);
      }
      onDone?.();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setErrors(err.fieldErrors());
      setFormError(err.message);
    }
  };

  const title = question ? t('polls.detail.editTitle', { n: question.position }) : t('polls.detail.addTitle');
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{title}</h3>
      {formError && <StatusMessage kind="error">{formError}</StatusMessage>}
      {saved && <StatusMessage kind="ok">{t('polls.detail.saved')}</StatusMessage>}
      <SelectField label={t('polls.detail.kind')} options={questionKinds.map((k) => ({ id: k, label: t(`polls.kinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as QuestionKind)} error={errors.kind} isRequired />
      <TextInput label={t('polls.detail.prompt')} value={prompt} onChange={setPrompt} error={errors.prompt} isRequired autoComplete="off" />
      {hasOptions(kind) && (
        <div className="question-options">
          {options.map((o, i) => (
            <div className="question-options__row" key={o.id ?? `new-${i}`}>
              <TextInput label={t('polls.detail.option', { n: i + 1 })} value={o.label} onChange={(v) => setOptions(options.map((x, j) => (j === i ? { ...x, label: v } : x)))} error={errors[`options.${i}.label`] ?? errors[`options.${i}.id`]} autoComplete="off" />
              {options.length > 2 && <button type="button" className="button--secondary" onClick={() => setOptions(options.filter((_, j) => j !== i))}>{t('polls.detail.removeOption', { n: i + 1 })}</button>}
            </div>
          ))}
          {errors.options && <p className="field-error">{errors.options}</p>}
          {options.length < 20 && <button type="button" className="button--secondary" onClick={() => setOptions([...options, { label: '' }])}>{t('polls.detail.addOption')}</button>}
        </div>
      )}
      {kind === 'scale' && (
        <div className="filter-row">
          <TextInput label={t('polls.detail.scaleMin')} type="number" inputMode="numeric" value={scaleMin} onChange={setScaleMin} error={errors.scaleMin} />
          <TextInput label={t('polls.detail.scaleMax')} type="number" inputMode="numeric" value={scaleMax} onChange={setScaleMax} error={errors.scaleMax} />
        </div>
      )}
      <p className="filter-row">
        <button type="submit">{question ? t('polls.detail.save') : t('polls.detail.add')}</button>
        {question && onDone && <button type="button" className="button--secondary" onClick={onDone}>{t('polls.detail.cancel')}</button>}
      </p>
    </form>
  );
}
