import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ladderMetrics, organisingKeys, saveLevels, useLevels, type LadderCondition, type Level } from '../../api/organising.ts';
import { QueryState } from '../../components/QueryState.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { LevelFields, type LevelDraft } from './LevelFields.tsx';

const toDraft = (l: Level): LevelDraft => ({ key: l.id, id: l.id, levelKey: l.key, label: l.label, description: l.description ?? '', nextStep: l.nextStep, conditions: l.rule.all.map((c) => ({ ...c, key: crypto.randomUUID() })) });
const blank = (): LevelDraft => ({ key: crypto.randomUUID(), levelKey: '', label: '', description: '', nextStep: '', conditions: [{ key: crypto.randomUUID(), metric: ladderMetrics[0], atLeast: 1, withinDays: 90 }] });

/** The ladder's levels, lowest first, for admins of the whole organisation: saving replaces the ladder and recomputes everyone. */
export function LadderEditor() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const levels = useLevels();
  const [drafts, setDrafts] = useState<LevelDraft[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (levels.data && !drafts) setDrafts(levels.data.levels.map(toDraft)); }, [levels.data, drafts]);

  const move = (i: number, by: number) => setDrafts((d) => {
    if (!d) return d;
    const n = [...d];
    const [x] = n.splice(i, 1);
    n.splice(i + by, 0, x!);
    return n;
  });

  async function save() {
    if (!drafts) return;
    setBusy(true);
    try {
      const r = await saveLevels(drafts.map((d) => ({
        ...(d.id ? { id: d.id } : {}), key: d.levelKey.trim(), label: d.label.trim(), description: d.description.trim() || null, nextStep: d.nextStep.trim(),
        rule: { all: d.conditions.map(({ metric, atLeast, withinDays }): LadderCondition => ({ metric, atLeast, withinDays })) },
      })));
      setErrors({});
      setDrafts(r.levels.map(toDraft));
      setMessage({ kind: 'ok', text: r.recompute.mode === 'done' ? t('organising.ladder.savedDone', { people: r.recompute.people, moved: r.recompute.moved ?? 0 }) : t('organising.ladder.savedBackground', { people: r.recompute.people }) });
      await queryClient.invalidateQueries({ queryKey: organisingKeys.all });
    } catch (e) {
      setErrors(e instanceof ApiError ? e.fieldErrors() : {});
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : t('common.error') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="organising-section" aria-labelledby="ladder-config-heading">
      <h2 id="ladder-config-heading">{t('organising.ladder.configTitle')}</h2>
      <p className="muted">{t('organising.ladder.configLead')}</p>
      <QueryState isLoading={levels.isLoading || !drafts} error={levels.error}>
        {drafts && (
          <Form validationBehavior="aria" onSubmit={(e) => { e.preventDefault(); void save(); }}>
            {drafts.map((d, i) => (
              <LevelFields
                key={d.key}
                index={i}
                count={drafts.length}
                value={d}
                errors={errors}
                onChange={(v) => setDrafts((all) => all!.map((x, j) => (j === i ? v : x)))}
                onMove={(by) => move(i, by)}
                onRemove={() => setDrafts((all) => all!.filter((_, j) => j !== i))}
              />
            ))}
            <div className="actions">
              <Button className="react-aria-Button button--secondary" onPress={() => setDrafts((d) => [...(d ?? []), blank()])}>{t('organising.ladder.addLevel')}</Button>
              <Button type="submit" className="react-aria-Button" isDisabled={busy}>{busy ? t('common.working') : t('organising.ladder.saveLevels')}</Button>
            </div>
            <StatusMessage kind={message?.kind}>{message?.text}</StatusMessage>
          </Form>
        )}
      </QueryState>
    </section>
  );
}
