import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../../api/conversations.ts';

/** Notes, issues raised and assessments: shown only when the server included them (special category data). */
export function SensitiveParts({ conversation: c }: { conversation: Conversation }) {
  const { t } = useTranslation();
  if (!c.sensitive) return <p className="notice">{t('conversations.detail.restricted')}</p>;
  const several = c.people.length > 1;
  const nameOf = (id: string) => c.people.find((p) => p.id === id)?.name ?? t('conversations.someone');
  return (
    <>
      <section className="organising-section" aria-labelledby="conv-issues-heading">
        <h2 id="conv-issues-heading">{t('conversations.detail.issues')}</h2>
        {(c.issues ?? []).length === 0 ? <p className="muted">{t('conversations.detail.noIssues')}</p> : (
          <ul className="tag-list">
            {c.issues!.map((i) => (
              <li key={i.issue.id} className="tag">
                {i.issue.label}{i.rawText && i.rawText !== i.issue.label ? ` (“${i.rawText}”)` : ''}{i.issue.status === 'proposed' ? ` · ${t('conversations.issues.proposed')}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="organising-section" aria-labelledby="conv-notes-heading">
        <h2 id="conv-notes-heading">{t('conversations.log.notesSection')}</h2>
        {!c.notes?.selfInterest && !c.notes?.story ? <p className="muted">{t('conversations.detail.noNotes')}</p> : (
          <dl className="facts">
            {c.notes?.selfInterest && <><dt>{t('conversations.detail.selfInterest')}</dt><dd className="prewrap">{c.notes.selfInterest}</dd></>}
            {c.notes?.story && <><dt>{t('conversations.detail.story')}</dt><dd className="prewrap">{c.notes.story}</dd></>}
          </dl>
        )}
      </section>
      <section className="organising-section" aria-labelledby="conv-assess-heading">
        <h2 id="conv-assess-heading">{t('conversations.detail.assessments')}</h2>
        {(c.assessments ?? []).length === 0 ? <p className="muted">{t('conversations.detail.noAssessments')}</p> : (
          <ul className="item-list">
            {c.assessments!.map((a) => (
              <li key={a.id}>
                {several && <>{nameOf(a.personId)}: </>}
                {a.phase === 'single' ? a.scale.label : t(`conversations.assess.${a.phase}`, { scale: a.scale.label })}: {a.value}{a.valueLabel ? ` (${a.valueLabel})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
