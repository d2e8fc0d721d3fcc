import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { approveIssue, rejectIssue, type Issue, type IssueCategory } from '../../api/conversations.ts';
import { formatDate } from '../../components/format.ts';
import { SelectField } from '../../components/SelectField.tsx';

/** A proposed issue: approve it into a category, reject it, or reject it as a duplicate of an approved issue (its mentions move there). */
export function ProposalItem({ issue, categories, approved, canDecide, onDone }: { issue: Issue; categories: IssueCategory[]; approved: Issue[]; canDecide: boolean; onDone: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [categoryId, setCategoryId] = useState<string>(issue.categoryId ?? 'none');
  const [mergeInto, setMergeInto] = useState<string>('none');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    try {
      await fn();
      await onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('common.error'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="proposal">
      <span className="item-list__text">
        <strong>{issue.label}</strong>
        {issue.proposedByMe && <span className="muted"> {t('organising.taxonomy.byYou')}</span>}
        {issue.decidedAt && <span className="muted"> {formatDate(issue.decidedAt)}</span>}
      </span>
      {canDecide && (
        <div className="proposal__decide">
          <SelectField label={t('organising.taxonomy.categoryFor', { label: issue.label })} options={[{ id: 'none', label: t('organising.taxonomy.noCategory') }, ...categories.map((c) => ({ id: c.id, label: c.label }))]} value={categoryId} onChange={(v) => setCategoryId(v ?? 'none')} />
          <Button className="react-aria-Button button--small" isDisabled={busy} aria-label={t('organising.taxonomy.approveNamed', { label: issue.label })} onPress={() => run(() => approveIssue(issue.id, categoryId === 'none' ? null : categoryId))}>{t('organising.taxonomy.approve')}</Button>
          <SelectField label={t('organising.taxonomy.duplicateOf', { label: issue.label })} options={[{ id: 'none', label: t('organising.taxonomy.notDuplicate') }, ...approved.map((a) => ({ id: a.id, label: a.label }))]} value={mergeInto} onChange={(v) => setMergeInto(v ?? 'none')} />
          <Button className="react-aria-Button button--secondary button--small" isDisabled={busy} aria-label={t('organising.taxonomy.rejectNamed', { label: issue.label })} onPress={() => run(() => rejectIssue(issue.id, mergeInto === 'none' ? null : mergeInto))}>
            {mergeInto === 'none' ? t('organising.taxonomy.reject') : t('organising.taxonomy.merge')}
          </Button>
          {error && <p role="alert" className="field-error">{error}</p>}
        </div>
      )}
    </li>
  );
}
