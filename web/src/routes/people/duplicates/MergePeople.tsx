import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { mergeFields, mergePeople, peopleKeys, useCustomFields, type PersonDetail } from '../../../api/people.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { Breadcrumbs } from '../../../components/Breadcrumbs.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { formatDate } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { NotAllowed } from '../NotAllowed.tsx';
import { personName } from '../personName.ts';
import '../people.css';

const UUID = /^[0-9a-f-]{36}$/i;

/** A field's raw value on a record (what the server compares) and how it reads on screen. */
function fieldOf(p: PersonDetail, field: string, t: (k: string) => string): { raw: unknown; shown: string } {
  switch (field) {
    case 'wardCode': return { raw: p.ward?.code ?? null, shown: p.ward?.name ?? '' };
    case 'constituencyCode': return { raw: p.constituency?.code ?? null, shown: p.constituency?.name ?? '' };
    case 'unitId': return { raw: p.unit.id, shown: p.unit.name };
    case 'membershipStatus': return { raw: p.membershipStatus, shown: t(`people.membership.${p.membershipStatus}`) };
    case 'joinedOn': return { raw: p.joinedOn, shown: formatDate(p.joinedOn) };
    default: {
      if (field.startsWith('custom:')) {
        const v = p.customFields[field.slice(7)];
        return { raw: v ?? null, shown: Array.isArray(v) ? v.join(', ') : v == null ? '' : String(v) };
      }
      const v = (p as unknown as Record<string, string | null>)[field];
      return { raw: v ?? null, shown: v ?? '' };
    }
  }
}
const isEmpty = (field: string, v: unknown) => v === null || v === undefined || v === '' || (field === 'membershipStatus' && v === 'none');

/**
 * /people/duplicates/merge?ids=a,b: choose the record that stays and, for every field where
 * the records differ, which value to keep; the result is previewed before confirming.
 */
export function MergePeople() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const { data: session } = useSession();
  const ids = (params.get('ids') ?? '').split(',').filter((s) => UUID.test(s)).slice(0, 20);
  const custom = useCustomFields();
  const results = useQueries({ queries: ids.map((id) => ({ queryKey: peopleKeys.one(id), queryFn: () => api<PersonDetail>(`/people/${id}`) })) });
  // Oldest first: the record kept by default is the one that has been around longest.
  const records = results.map((r) => r.data).filter((p): p is PersonDetail => !!p).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const [survivorId, setSurvivorId] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, string>>({});
  const survivor = records.find((r) => r.id === survivorId) ?? records[0];
  const label = (p: PersonDetail) => t('peopleTools.merge.record', { n: records.indexOf(p) + 1, name: personName(p), date: formatDate(p.createdAt) });

  const fields = useMemo(() => [
    ...mergeFields.map((f) => ({ field: f as string, label: t(`peopleTools.merge.fields.${f}`) })),
    ...(custom.data ?? []).map((d) => ({ field: `custom:${d.key}`, label: d.label })),
  ], [custom.data, t]);

  // Fields where the records disagree; for each, the record whose value is kept (the server's
  // default unless the user chose: the survivor's value, or the first other one when it is empty).
  const differing = fields.filter(({ field }) => new Set(records.map((p) => JSON.stringify(fieldOf(p, field, t).raw))).size > 1);
  const chosenFor = (field: string): PersonDetail | undefined => {
    const picked = records.find((r) => r.id === choices[field]);
    if (picked || !survivor) return picked;
    if (!isEmpty(field, fieldOf(survivor, field, t).raw)) return survivor;
    return records.find((r) => r.id !== survivor.id && !isEmpty(field, fieldOf(r, field, t).raw)) ?? survivor;
  };
  const loading = results.some((r) => r.isLoading) || custom.isLoading;
  const error = results.find((r) => r.error)?.error ?? custom.error;
  const tooFew = !loading && !error && records.length < 2;

  async function merge() {
    const others = records.filter((r) => r.id !== survivor!.id).map((r) => r.id);
    const explicit: Record<string, string> = {};
    for (const { field } of differing) explicit[field] = chosenFor(field)!.id;
    const r = await mergePeople({ survivorId: survivor!.id, otherIds: others, choices: explicit });
    // Leave the page before refreshing, so the merged records (now gone) are not fetched again.
    navigate(`/people/${r.survivor.id}`, { state: { flash: t('peopleTools.merge.done', { count: r.mergedIds.length + 1, name: personName(r.survivor) }) } });
    for (const id of r.mergedIds) queryClient.removeQueries({ queryKey: peopleKeys.one(id) });
    await queryClient.invalidateQueries({ queryKey: peopleKeys.all });
  }

  const emails = [...new Set(records.flatMap((p) => p.contacts.map((c) => c.value)))];
  const tags = [...new Map(records.flatMap((p) => p.tags).map((x) => [x.slug, x.name])).values()];

  return (
    <>
      <Breadcrumbs items={[{ label: t('people.list.title'), to: '/people' }, { label: t('peopleTools.duplicates.title'), to: '/people/duplicates' }, { label: t('peopleTools.merge.title') }]} />
      <PageHeader title={t('peopleTools.merge.title')} lead={t('peopleTools.merge.lead')} />
      {!hasPermission(session, 'people.merge') ? <NotAllowed /> : <QueryState isLoading={loading} error={error}>
        {tooFew ? <p className="notice notice--error" role="alert">{t('peopleTools.merge.tooFew')}</p> : survivor && (
          <>
            <section className="person-section" aria-labelledby="keep-heading">
              <h2 id="keep-heading">{t('peopleTools.merge.keepHeading')}</h2>
              <RadioGroup className="radio-group" value={survivor.id} onChange={(v) => setSurvivorId(v)}>
                <Label>{t('peopleTools.merge.keep')}</Label>
                {records.map((p) => <Radio key={p.id} value={p.id} className="radio"><span className="radio__dot" aria-hidden="true" />{label(p)}</Radio>)}
              </RadioGroup>
            </section>
            <section className="person-section" aria-labelledby="fields-heading">
              <h2 id="fields-heading">{t('peopleTools.merge.fieldsHeading')}</h2>
              {differing.length === 0 ? <p>{t('peopleTools.merge.allSame')}</p> : differing.map(({ field, label: fieldLabel }) => (
                <RadioGroup key={field} className="radio-group merge-field" value={chosenFor(field)?.id ?? null} onChange={(v) => setChoices((c) => ({ ...c, [field]: v }))}>
                  <Label>{fieldLabel}</Label>
                  {records.map((p) => {
                    const shown = fieldOf(p, field, t).shown;
                    return (
                      <Radio key={p.id} value={p.id} className="radio">
                        <span className="radio__dot" aria-hidden="true" />
                        <span>{shown || <span className="muted">{t('peopleTools.merge.empty')}</span>} <span className="muted">({t('peopleTools.merge.fromRecord', { n: records.indexOf(p) + 1 })})</span></span>
                      </Radio>
                    );
                  })}
                </RadioGroup>
              ))}
            </section>
            <section className="person-section" aria-labelledby="result-heading">
              <h2 id="result-heading">{t('peopleTools.merge.resultHeading')}</h2>
              <dl className="facts">
                {fields.map(({ field, label: fieldLabel }) => {
                  const from = differing.some((d) => d.field === field) ? chosenFor(field) : survivor;
                  const shown = from ? fieldOf(from, field, t).shown : '';
                  return shown ? <div key={field} className="facts__pair"><dt>{fieldLabel}</dt><dd>{shown}</dd></div> : null;
                })}
                <div className="facts__pair"><dt>{t('people.fields.contacts')}</dt><dd>{emails.join(', ') || t('common.none')}</dd></div>
                <div className="facts__pair"><dt>{t('people.fields.tags')}</dt><dd>{tags.join(', ') || t('common.none')}</dd></div>
              </dl>
              <p className="muted">{t('peopleTools.merge.keptNote')}</p>
            </section>
            <div className="actions">
              <ConfirmDialog
                triggerLabel={t('peopleTools.merge.confirmTrigger', { count: records.length })}
                title={t('peopleTools.merge.confirmTitle', { count: records.length })}
                confirmLabel={t('peopleTools.merge.confirm')}
                onConfirm={merge}
              >
                <p>{t('peopleTools.merge.confirmBody', { count: records.length - 1, name: personName(survivor) })}</p>
              </ConfirmDialog>
            </div>
          </>
        )}
      </QueryState>}
    </>
  );
}
