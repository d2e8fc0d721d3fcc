import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { proposeIssue, useTaxonomy, type Issue } from '../../api/conversations.ts';
import { hasPermission, useSession } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { OrganisingNav } from './OrganisingNav.tsx';
import { ProposalItem } from './ProposalItem.tsx';
import './organising.css';

/** /organising/taxonomy: the issues people raise, by category; anyone who logs proposes new ones, organisers approve or reject them. */
export function TaxonomyPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const taxonomy = useTaxonomy();
  const manages = hasPermission(session, 'issues.manage');
  const [label, setLabel] = useState('');
  const [categoryId, setCategoryId] = useState<string>('none');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const data = taxonomy.data;
  const live = (data?.categories ?? []).filter((c) => !c.archived);
  const proposed = (data?.issues ?? []).filter((i) => i.status === 'proposed');
  const approved = (data?.issues ?? []).filter((i) => i.status === 'approved');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['issues'] });

  async function propose() {
    if (!label.trim()) { setError(t('organising.taxonomy.labelNeeded')); return; }
    try {
      const issue = await proposeIssue(label.trim(), categoryId === 'none' ? null : categoryId);
      setLabel('');
      setError(undefined);
      setMessage({ kind: 'ok', text: issue.status === 'approved' ? t('organising.taxonomy.added', { label: issue.label }) : t('organising.taxonomy.proposedOk', { label: issue.label }) });
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? Object.values(e.fieldErrors())[0] ?? e.message : t('common.error'));
    }
  }

  const byCategory = (id: string | null) => approved.filter((i) => i.categoryId === id);
  return (
    <>
      <OrganisingNav />
      <PageHeader title={t('organising.taxonomy.title')} lead={manages ? t('organising.taxonomy.leadManager') : t('organising.taxonomy.lead')} />
      <QueryState isLoading={taxonomy.isLoading} error={taxonomy.error} retry={() => void taxonomy.refetch()}>
        {data && (
          <>
            <section className="organising-section" aria-labelledby="proposed-heading">
              <h2 id="proposed-heading">{manages ? t('organising.taxonomy.toDecide') : t('organising.taxonomy.myProposals')}</h2>
              {proposed.length === 0 ? <p className="muted">{t('organising.taxonomy.noProposals')}</p> : (
                <ul className="item-list">
                  {proposed.map((i) => <ProposalItem key={i.id} issue={i} categories={live} approved={approved} canDecide={manages} onDone={refresh} />)}
                </ul>
              )}
            </section>
            <section className="organising-section" aria-labelledby="propose-heading">
              <h2 id="propose-heading">{manages ? t('organising.taxonomy.addTitle') : t('organising.taxonomy.proposeTitle')}</h2>
              <StatusMessage kind={message?.kind}>{message?.text}</StatusMessage>
              <Form className="log-form" validationBehavior="aria" onSubmit={(e) => { e.preventDefault(); void propose(); }}>
                <TextInput label={t('organising.taxonomy.label')} value={label} onChange={(v) => { setLabel(v); setError(undefined); }} error={error} isRequired />
                <SelectField label={t('organising.taxonomy.category')} options={[{ id: 'none', label: t('organising.taxonomy.noCategory') }, ...live.map((c) => ({ id: c.id, label: c.label }))]} value={categoryId} onChange={(v) => setCategoryId(v ?? 'none')} />
                <Button type="submit" className="react-aria-Button">{manages ? t('organising.taxonomy.add') : t('organising.taxonomy.propose')}</Button>
              </Form>
            </section>
            <section className="organising-section" aria-labelledby="approved-heading">
              <h2 id="approved-heading">{t('organising.taxonomy.approvedTitle')}</h2>
              {[...live.map((c) => ({ id: c.id as string | null, label: c.label })), { id: null, label: t('conversations.issues.uncategorised') }]
                .map((c) => ({ ...c, issues: byCategory(c.id) }))
                .filter((c) => c.issues.length > 0)
                .map((c) => (
                  <div key={c.id ?? 'none'}>
                    <h3>{c.label}</h3>
                    <ul className="tag-list">{c.issues.map((i: Issue) => <li key={i.id} className="tag">{i.label}</li>)}</ul>
                  </div>
                ))}
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
