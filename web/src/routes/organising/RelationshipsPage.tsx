import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useGraph } from '../../api/organising.ts';
import { usePerson } from '../../api/people.ts';
import { hasPermission, useSession } from '../../api/session.ts';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { AddRelationship } from './AddRelationship.tsx';
import { RelationshipGraph } from './RelationshipGraph.tsx';
import { RelationshipList } from './RelationshipList.tsx';
import { RelationshipTable } from './RelationshipTable.tsx';
import './organising.css';

/** /organising/relationships/:personId: who a person is connected to, as a graph and a table, with links added or removed. */
export function RelationshipsPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const { data: session } = useSession();
  const person = usePerson(personId);
  const graph = useGraph(personId, 2);
  const name = person.data ? [person.data.firstName, person.data.lastName].filter(Boolean).join(' ') : '';
  return (
    <>
      <Breadcrumbs items={[{ label: t('people.list.title'), to: '/people' }, { label: name || '…', to: `/people/${personId}` }, { label: t('organising.relationships.crumb') }]} />
      <QueryState isLoading={person.isLoading} error={person.error}>
        <PageHeader title={t('organising.relationships.title', { name })} lead={t('organising.relationships.lead')} />
        <QueryState isLoading={graph.isLoading} error={graph.error} retry={() => void graph.refetch()}>
          {graph.data && (graph.data.edges.length === 0 ? <p className="muted">{t('organising.relationships.none', { name })}</p> : (
            <>
              <RelationshipGraph graph={graph.data} label={t('organising.relationships.graphLabel', { name })} />
              <RelationshipTable graph={graph.data} caption={t('organising.relationships.tableCaption', { name })} />
            </>
          ))}
        </QueryState>
        <RelationshipList personId={personId} name={name} canChange={hasPermission(session, 'people.update')} />
        {hasPermission(session, 'people.update') && <AddRelationship personId={personId} name={name} />}
      </QueryState>
    </>
  );
}
