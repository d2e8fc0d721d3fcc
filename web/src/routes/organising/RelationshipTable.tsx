import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Graph } from '../../api/organising.ts';
import { DataTable } from '../../components/DataTable.tsx';

const name = (p: { firstName: string; lastName: string }) => [p.firstName, p.lastName].filter(Boolean).join(' ');

/** The graph's links in words: who, how they are connected, and how strongly. */
export function RelationshipTable({ graph, caption }: { graph: Graph; caption: string }) {
  const { t } = useTranslation();
  const people = new Map(graph.nodes.map((n) => [n.id, n]));
  const person = (id: string) => {
    const p = people.get(id);
    return p ? <Link to={`/people/${p.id}`}>{name(p)}</Link> : t('conversations.someone');
  };
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: 'who', header: t('organising.graph.who'), isRowHeader: true, cell: (e) => person(e.source) },
        { key: 'with', header: t('organising.graph.with'), cell: (e) => person(e.target) },
        { key: 'kind', header: t('organising.graph.kind'), cell: (e) => (e.type === 'tie' ? t(`organising.kinds.${e.kind ?? 'other'}`) : t(`organising.types.${e.type}`)) },
        { key: 'strength', header: t('organising.graph.strength'), className: 'num', cell: (e) => (e.strength == null ? '—' : t('organising.graph.strengthOf', { strength: e.strength })) },
      ]}
      rows={graph.edges}
      rowKey={(e) => e.id}
      empty={<p>{t('organising.graph.empty')}</p>}
    />
  );
}
