import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ladderMetrics, type LadderMetric } from '../../api/organising.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { TextAreaField } from '../conversations/log/TextAreaField.tsx';

export interface LevelDraft {
  key: string;
  id?: string;
  levelKey: string;
  label: string;
  description: string;
  nextStep: string;
  conditions: { key: string; metric: LadderMetric; atLeast: number; withinDays: number | null }[];
}

/** One level of the ladder: its name, the next step offered on it, and the conditions (all must hold) that earn it. */
export function LevelFields({ index: i, count, value: d, errors, onChange, onMove, onRemove }: {
  index: number; count: number; value: LevelDraft; errors: Record<string, string>; onChange: (v: LevelDraft) => void; onMove: (by: number) => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  const e = (f: string) => errors[`levels.${i}.${f}`];
  const setCond = (j: number, patch: Partial<LevelDraft['conditions'][number]>) => onChange({ ...d, conditions: d.conditions.map((c, k) => (k === j ? { ...c, ...patch } : c)) });
  const title = t('organising.ladder.levelN', { n: i + 1, label: d.label || t('organising.ladder.newLevel') });
  return (
    <fieldset className="level-editor">
      <legend>{title}</legend>
      <div className="field-row">
        <TextInput label={t('organising.ladder.label')} value={d.label} onChange={(v) => onChange({ ...d, label: v })} error={e('label')} isRequired />
        <TextInput label={t('organising.ladder.key')} hint={t('organising.ladder.keyHint')} value={d.levelKey} onChange={(v) => onChange({ ...d, levelKey: v })} error={e('key')} isRequired />
      </div>
      <TextAreaField label={t('organising.ladder.description')} rows={2} value={d.description} onChange={(v) => onChange({ ...d, description: v })} error={e('description')} />
      <TextInput label={t('organising.ladder.nextStep')} hint={t('organising.ladder.nextStepHint')} value={d.nextStep} onChange={(v) => onChange({ ...d, nextStep: v })} error={e('nextStep')} />
      <p className="react-aria-Label">{t('organising.ladder.conditions')}</p>
      {e('rule.all') && <p className="field-error">{e('rule.all')}</p>}
      {d.conditions.map((c, j) => (
        <div key={c.key} className="condition-row" role="group" aria-label={t('organising.ladder.conditionN', { n: j + 1, level: title })}>
          <SelectField label={t('organising.ladder.metric')} options={ladderMetrics.map((m) => ({ id: m, label: t(`organising.metrics.${m}`) }))} value={c.metric} onChange={(v) => v && setCond(j, { metric: v as LadderMetric })} error={e(`rule.all.${j}.metric`)} />
          <TextInput label={t('organising.ladder.atLeast')} inputMode="numeric" value={String(c.atLeast)} onChange={(v) => setCond(j, { atLeast: Number(v.replace(/\D/g, '')) || 0 })} error={e(`rule.all.${j}.atLeast`)} />
          <TextInput label={t('organising.ladder.withinDays')} hint={t('organising.ladder.withinDaysHint')} inputMode="numeric" value={c.withinDays == null ? '' : String(c.withinDays)} onChange={(v) => setCond(j, { withinDays: v.trim() === '' ? null : Number(v.replace(/\D/g, '')) || 0 })} error={e(`rule.all.${j}.withinDays`)} />
          <Button className="react-aria-Button button--link" aria-label={t('organising.ladder.removeConditionN', { n: j + 1, level: title })} onPress={() => onChange({ ...d, conditions: d.conditions.filter((_, k) => k !== j) })}>{t('common.remove')}</Button>
        </div>
      ))}
      <div className="actions">
        <Button className="react-aria-Button button--secondary button--small" onPress={() => onChange({ ...d, conditions: [...d.conditions, { key: crypto.randomUUID(), metric: 'conversations', atLeast: 1, withinDays: 90 }] })}>{t('organising.ladder.addCondition')}</Button>
        {i > 0 && <Button className="react-aria-Button button--secondary button--small" aria-label={t('organising.ladder.moveDownNamed', { level: title })} onPress={() => onMove(-1)}>{t('organising.ladder.moveDown')}</Button>}
        {i < count - 1 && <Button className="react-aria-Button button--secondary button--small" aria-label={t('organising.ladder.moveUpNamed', { level: title })} onPress={() => onMove(1)}>{t('organising.ladder.moveUp')}</Button>}
        <Button className="react-aria-Button button--secondary button--small" aria-label={t('organising.ladder.removeLevelNamed', { level: title })} onPress={onRemove}>{t('organising.ladder.removeLevel')}</Button>
      </div>
    </fieldset>
  );
}
