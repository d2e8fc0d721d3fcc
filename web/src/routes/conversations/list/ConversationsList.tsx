import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { conversationKinds, useConversations, type Conversation, type ConversationFilter, type ConversationKind } from '../../../api/conversations.ts';
import { hasPermission, useSession } from '../../../api/session.ts';
import { DataTable, type Column } from '../../../components/DataTable.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { SelectField } from '../../../components/SelectField.tsx';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { useCursorPager } from '../../../components/useCursorPager.ts';
import { DateField } from '../log/DateField.tsx';
import { SegmentedField } from '../log/SegmentedField.tsx';
import '../conversations.css';

const names = (c: Conversation, someone: string) => c.people.map((p) => p.name ?? someone).join(', ');

/** /conversations: mine or my units', by kind and date range, newest first, a page at a time. */
export function ConversationsList() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const flash = (useLocation().state as { flash?: string } | null)?.flash;
  const pager = useCursorPager();
  const scope = params.get('scope') === 'unit' ? 'unit' : 'mine';
  const kind = (conversationKinds as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as ConversationKind) : undefined;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const filter: ConversationFilter = { organiser: scope === 'mine' ? 'me' : undefined, kind, from: from || undefined, to: to ? nextDay(to) : undefined };
  const list = useConversations(filter, pager.cursor);
  const [draft, setDraft] = useState({ from, to });
  const { reset } = pager;
  useEffect(() => { reset(); setDraft({ from, to }); }, [scope, kind, from, to, reset]);
  const allowed = hasPermission(session, 'conversations.log') || hasPermission(session, 'conversations.read');

  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) { if (v) next.set(k, v); else next.delete(k); }
    setParams(next, { replace: true });
  };

  const columns: Column<Conversation>[] = [
    { key: 'when', header: t('conversations.list.when'), isRowHeader: true, className: 'nowrap', cell: (c) => <Link to={`/conversations/${c.id}`}>{formatDateTime(c.occurredAt)}</Link> },
    { key: 'kind', header: t('conversations.list.kind'), cell: (c) => t(`conversations.kinds.${c.kind}`) },
    { key: 'with', header: t('conversations.list.with'), cell: (c) => names(c, t('conversations.someone')) },
    { key: 'outcome', header: t('conversations.list.outcome'), cell: (c) => t(`conversations.outcomes.${c.outcome}`) },
    { key: 'by', header: t('conversations.list.by'), cell: (c) => c.organisers.map((o) => o.displayName).join(', ') },
    { key: 'unit', header: t('conversations.list.unitCol'), cell: (c) => c.unit.name },
  ];

  if (session && !allowed) return (<><PageHeader title={t('conversations.list.title')} /><p>{t('conversations.list.notAllowed')}</p></>);

  return (
    <>
      <PageHeader
        title={t('conversations.list.title')}
        lead={t('conversations.list.lead')}
        actions={hasPermission(session, 'conversations.log') && <Link className="button" to="/conversations/new">{t('conversations.logNav')}</Link>}
      />
      <StatusMessage kind="ok">{flash}</StatusMessage>
      <div className="filters" role="search" aria-label={t('conversations.list.title')}>
        <SegmentedField id="conv-scope" label={t('conversations.list.scope')} options={[{ id: 'mine', label: t('conversations.list.mine') }, { id: 'unit', label: t('conversations.list.unit') }]} value={scope} onChange={(v) => update({ scope: v === 'unit' ? 'unit' : undefined })} />
        <SelectField
          label={t('conversations.list.kind')}
          options={[{ id: 'any', label: t('conversations.list.anyKind') }, ...conversationKinds.map((k) => ({ id: k, label: t(`conversations.kinds.${k}`) }))]}
          value={kind ?? 'any'}
          onChange={(v) => update({ kind: v && v !== 'any' ? v : undefined })}
        />
        <DateField label={t('conversations.list.from')} value={draft.from} onChange={(v) => setDraft((d) => ({ ...d, from: v }))} />
        <DateField label={t('conversations.list.to')} value={draft.to} onChange={(v) => setDraft((d) => ({ ...d, to: v }))} />
        <div className="actions">
          <Button className="react-aria-Button button--secondary" onPress={() => update({ from: draft.from || undefined, to: draft.to || undefined })}>{t('conversations.list.apply')}</Button>
          {(kind || from || to) && <Button className="react-aria-Button button--link" onPress={() => update({ kind: undefined, from: undefined, to: undefined })}>{t('conversations.list.clear')}</Button>}
        </div>
      </div>
      <QueryState isLoading={list.isLoading} error={list.error} retry={() => void list.refetch()}>
        <DataTable
          caption={t('conversations.list.caption')}
          columns={columns}
          rows={list.data?.items ?? []}
          rowKey={(c) => c.id}
          empty={<p>{t('conversations.list.empty')}</p>}
          pager={{
            hasPrevious: pager.hasPrevious,
            hasNext: !!list.data?.nextCursor,
            onPrevious: pager.previous,
            onNext: () => list.data?.nextCursor && pager.next(list.data.nextCursor),
            page: pager.page,
            isLoading: list.isFetching,
          }}
        />
      </QueryState>
    </>
  );
}

/** "To" is inclusive on screen; the API's `to` is exclusive, so ask for up to the next day. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
