import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFollowUps, type Commitment, type FollowUp } from '../../api/conversations.ts';
import { useOrganiserDashboard, usePersonNames, type OrganiserDashboard } from '../../api/organising.ts';
import { hasPermission, useSession } from '../../api/session.ts';
import { formatDate } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { CommitmentItems } from '../conversations/CommitmentItems.tsx';
import { FollowUpItems } from '../conversations/FollowUpItems.tsx';
import { OneToOnesThisWeek } from './OneToOnesThisWeek.tsx';
import { OrganisingNav } from './OrganisingNav.tsx';
import './organising.css';

const QUIET_DAYS = ['14', '30', '60', '90'];
/** The calendar date in the UK of an instant: the dashboard's days are UK days. */
const londonDate = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(iso));
const fullName = (p: { firstName: string; lastName: string }) => [p.firstName, p.lastName].filter(Boolean).join(' ');

// The dashboard lists only what it shows; the shared lists take full records, so fill in the rest.
const asFollowUp = (f: OrganiserDashboard['followUps']['items'][number]): FollowUp => ({
  id: f.id, personId: f.person.id, conversationId: f.conversationId, unitId: '', assignee: { accountId: '', displayName: null },
  dueOn: f.dueOn, reason: f.reason, done: false, doneAt: null, createdAt: f.dueOn,
});
const asCommitment = (c: OrganiserDashboard['awaitingAnswers']['items'][number]): Commitment => ({
  id: c.id, personId: c.person.id, conversationId: c.conversationId, unitId: '', ask: c.ask, customText: c.customText, answer: 'awaiting',
  dueOn: c.dueOn, status: 'open', markedAt: null, askedAt: c.askedAt, askedBy: null,
});

/** /organising: my follow-ups due and overdue, one-to-ones this week against my target, answers awaited, and my people gone quiet. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [quiet, setQuiet] = useState('30');
  const dash = useOrganiserDashboard(Number(quiet));
  const d = dash.data;
  // The dashboard lists the soonest due first, so a backlog of overdue ones can crowd out this
  // week's: those come from the follow-up list (bounded), split here.
  const week = useFollowUps({ assignee: 'me', due: 'week' }, 200);
  const today = d?.generatedAt ? londonDate(d.generatedAt) : '';
  const upcoming = (week.data?.items ?? []).filter((f) => f.dueOn >= today);
  const overdue = (d?.followUps.items ?? []).filter((f) => f.overdue);
  const known = new Map([...(d?.followUps.items ?? []), ...(d?.awaitingAnswers.items ?? [])].map((x) => [x.person.id, fullName(x.person)]));
  const looked = usePersonNames(upcoming.map((f) => f.personId).filter((id) => !known.has(id)));
  const nameOf = (id: string) => known.get(id) ?? looked.get(id);
  const canLog = hasPermission(session, 'conversations.log');

  return (
    <>
      <OrganisingNav />
      <PageHeader title={t('organising.dashboard.title')} lead={t('organising.dashboard.lead')} actions={canLog && <Link className="button" to="/conversations/new">{t('organising.dashboard.log')}</Link>} />
      {session && !canLog ? <p>{t('organising.notAllowed')}</p> : (
        <QueryState isLoading={dash.isLoading} error={dash.error} retry={() => void dash.refetch()}>
          {d && (
            <>
              <section className="organising-section" aria-labelledby="dash-follow-ups">
                <h2 id="dash-follow-ups">{t('organising.dashboard.followUps')}</h2>
                <h3>{t('organising.dashboard.upcoming', { count: d.followUps.dueToday + d.followUps.dueNext7Days })}</h3>
                <QueryState isLoading={week.isLoading} error={week.error}>
                  <FollowUpItems items={upcoming} canChange personName={nameOf} showAssignee={false} empty={t('organising.dashboard.upcomingEmpty')} />
                </QueryState>
                <h3>{t('organising.dashboard.overdue', { count: d.followUps.overdue })}</h3>
                {d.followUps.overdue > overdue.length && <p className="muted">{t('organising.dashboard.showingOf', { shown: overdue.length, count: d.followUps.overdue })}</p>}
                <FollowUpItems items={overdue.map(asFollowUp)} canChange personName={nameOf} showAssignee={false} empty={t('organising.dashboard.overdueEmpty')} />
              </section>
              <OneToOnesThisWeek data={d.oneToOnes} />
              <section className="organising-section" aria-labelledby="dash-awaiting">
                <h2 id="dash-awaiting">{t('organising.dashboard.awaiting')}</h2>
                {d.awaitingAnswers.count > d.awaitingAnswers.items.length && <p className="muted">{t('organising.dashboard.showingOf', { shown: d.awaitingAnswers.items.length, count: d.awaitingAnswers.count })}</p>}
                <CommitmentItems items={d.awaitingAnswers.items.map(asCommitment)} canChange personName={nameOf} empty={t('organising.dashboard.awaitingEmpty')} />
              </section>
              <section className="organising-section" aria-labelledby="dash-quiet">
                <h2 id="dash-quiet">{t('organising.dashboard.quiet', { count: d.notSpokenTo.days })}</h2>
                <SelectField label={t('organising.dashboard.quietDays')} options={QUIET_DAYS.map((n) => ({ id: n, label: t('organising.myPeople.days', { count: Number(n) }) }))} value={quiet} onChange={(v) => v && setQuiet(v)} />
                {d.notSpokenTo.items.length === 0 ? <p className="muted">{t('organising.dashboard.quietEmpty')}</p> : (
                  <>
                    {d.notSpokenTo.count > d.notSpokenTo.items.length && <p className="muted">{t('organising.dashboard.showingOf', { shown: d.notSpokenTo.items.length, count: d.notSpokenTo.count })}</p>}
                    <ul className="item-list">
                      {d.notSpokenTo.items.map((m) => (
                        <li key={m.person.id}>
                          <span className="item-list__text">
                            <Link to={`/people/${m.person.id}`}>{fullName(m.person)}</Link>
                            <span className="muted"> {m.lastSpokenAt ? t('organising.dashboard.lastSpoken', { date: formatDate(m.lastSpokenAt) }) : t('organising.dashboard.neverSpoken')}</span>
                          </span>
                          <Link className="button button--secondary button--small" to={`/conversations/new?person=${m.person.id}`} aria-label={t('organising.dashboard.logWith', { name: fullName(m.person) })}>{t('organising.dashboard.logShort')}</Link>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <p><Link to={`/organising/my-people?quiet=${quiet}`}>{t('organising.dashboard.allMyPeople')}</Link></p>
              </section>
            </>
          )}
        </QueryState>
      )}
    </>
  );
}
