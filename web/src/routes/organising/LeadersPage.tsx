import { useEffect } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLeaders, type Leader } from '../../api/organising.ts';
import { useUnits } from '../../api/people.ts';
import { hasPermission, useSession } from '../../api/session.ts';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useCursorPager } from '../../components/useCursorPager.ts';
import { AreaComboBox } from '../people/AreaComboBox.tsx';
import { DevelopLeader } from './DevelopLeader.tsx';
import { OrganisingNav } from './OrganisingNav.tsx';
import './organising.css';

const WINDOWS = ['90', '180', '365'];

/** /organising/leaders: potential leaders ranked with their reasons; mark someone a leader in development with a mentor. */
export function LeadersPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const unit = params.get('unit') ?? undefined;
  const area = params.get('area') ?? undefined;
  const days = WINDOWS.includes(params.get('days') ?? '') ? Number(params.get('days')) : 365;
  const pager = useCursorPager();
  const { reset } = pager;
  useEffect(() => { reset(); }, [unit, area, days, reset]);
  const leaders = useLeaders({ unit, area, days }, pager.cursor);
  const set = (k: string, v: string | undefined) => { const n = new URLSearchParams(params); if (v) n.set(k, v); else n.delete(k); setParams(n, { replace: true }); };
  const name = (l: Leader) => [l.person.firstName, l.person.lastName].filter(Boolean).join(' ');
  const rankOffset = (pager.page - 1) * 25;
  const items = leaders.data?.items ?? [];

  const reason = (l: Leader, r: Leader['reasons'][number]) => (r.signal === 'organising_assessment' && l.assessment
    ? t('organising.leaders.signals.organising_assessment', { count: l.assessment.value }) + (l.assessment.valueLabel ? ` (${l.assessment.valueLabel})` : '')
    : t(`organising.leaders.signals.${r.signal}`, { count: r.count }));

  return (
    <>
      <OrganisingNav />
      <PageHeader title={t('organising.leaders.title')} lead={t('organising.leaders.lead', { days })} />
      {session && !hasPermission(session, 'ladder.manage') ? <p>{t('organising.notAllowed')}</p> : (
        <>
          <div className="filters">
            <SelectField
              label={t('organising.unit')}
              options={[{ id: 'all', label: t('organising.allUnits') }, ...(units.data ?? []).map((u) => ({ id: u.id, label: `${'· '.repeat(Math.max(0, u.depth))}${u.name}` }))]}
              value={unit ?? 'all'}
              onChange={(v) => set('unit', v && v !== 'all' ? v : undefined)}
            />
            <AreaComboBox label={t('organising.area')} hint={t('organising.areaHint')} value={area} onChange={(code) => set('area', code)} />
            <SelectField label={t('organising.leaders.window')} options={WINDOWS.map((d) => ({ id: d, label: t('organising.myPeople.days', { count: Number(d) }) }))} value={String(days)} onChange={(v) => set('days', v && v !== '365' ? v : undefined)} />
          </div>
          <QueryState isLoading={leaders.isLoading} error={leaders.error} retry={() => void leaders.refetch()}>
            {items.length === 0 ? <div className="empty-state"><p>{t('organising.leaders.empty')}</p></div> : (
              <ol className="leader-list" start={rankOffset + 1} aria-label={t('organising.leaders.caption')}>
                {items.map((l) => (
                  <li key={l.person.id} className="leader-card">
                    <h2 className="leader-card__name"><Link to={`/people/${l.person.id}`}>{name(l)}</Link></h2>
                    <p className="leader-card__score">{t('organising.leaders.scoreLine', { score: l.score, level: l.level?.label ?? t('organising.ladder.noLevel') })}</p>
                    <ul className="leader-reasons" aria-label={t('organising.leaders.reasonsFor', { name: name(l) })}>
                      {l.reasons.map((r) => <li key={r.signal}>{reason(l, r)} <span className="muted">· {t('organising.leaders.points', { points: r.points })}</span></li>)}
                    </ul>
                    {l.development && <p>{t('organising.leaders.inDevelopment', { mentor: l.development.mentor.displayName, date: formatDate(l.development.since) })}</p>}
                    <DevelopLeader leader={l} />
                  </li>
                ))}
              </ol>
            )}
            {(pager.hasPrevious || leaders.data?.nextCursor) && (
              <nav className="actions pager" aria-label={t('common.pagination', { caption: t('organising.leaders.caption') })}>
                {pager.hasPrevious && <Button className="react-aria-Button button--secondary" onPress={pager.previous}>{t('common.previous')}</Button>}
                <span className="muted">{t('common.page', { page: pager.page })}</span>
                {leaders.data?.nextCursor && <Button className="react-aria-Button button--secondary" onPress={() => pager.next(leaders.data!.nextCursor!)}>{t('common.next')}</Button>}
              </nav>
            )}
          </QueryState>
        </>
      )}
    </>
  );
}
