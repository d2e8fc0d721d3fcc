import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Graph } from '../../api/organising.ts';
import { radialLayout } from './radialLayout.ts';

const SIZE = 400;
const name = (p: { firstName: string; lastName: string }) => [p.firstName, p.lastName].filter(Boolean).join(' ');

/**
 * The relationship graph drawn around its starting people (rings by distance). Each person is
 * a link to their page, reachable with Tab; lines are ties (thicker is stronger) or dashed
 * recruited/brought links. The table after it says the same in words.
 */
export function RelationshipGraph({ graph, label }: { graph: Graph; label: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const placed = radialLayout(graph.nodes, graph.edges, SIZE);
  const links = new Map<string, number>();
  for (const e of graph.edges) for (const end of [e.source, e.target]) links.set(end, (links.get(end) ?? 0) + 1);
  // Labels get in each other's way in a big graph: only name the inner rings then.
  const crowded = graph.nodes.length > 30;
  return (
    <figure className="graph">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} className="graph__svg" role="group" aria-label={label}>
        <defs>
          <marker id="graph-arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="graph__arrow" />
          </marker>
        </defs>
        <g aria-hidden="true">
          {graph.edges.map((e) => {
            const a = placed.get(e.source);
            const b = placed.get(e.target);
            if (!a || !b) return null;
            const directed = e.type !== 'tie';
            return (
              <line key={e.id} x1={a.x} y1={a.y} x2={b.x} y2={b.y}
                className={directed ? 'graph__edge graph__edge--directed' : 'graph__edge'}
                strokeWidth={directed ? 1.5 : 0.8 + (e.strength ?? 1) * 0.7}
                markerEnd={directed ? 'url(#graph-arrow)' : undefined} />
            );
          })}
        </g>
        {graph.nodes.map((n) => {
          const p = placed.get(n.id);
          if (!p) return null;
          const full = name(n);
          const description = t('organising.graph.node', { name: full, level: n.level?.label ?? t('organising.ladder.noLevel'), count: links.get(n.id) ?? 0 });
          return (
            <a key={n.id} href={`/people/${n.id}`} className="graph__node" aria-label={description}
              onClick={(ev) => { ev.preventDefault(); navigate(`/people/${n.id}`); }}>
              <title>{description}</title>
              <circle cx={p.x} cy={p.y} r={n.hop === 0 ? 11 : 8} className={n.hop === 0 ? 'graph__dot graph__dot--seed' : 'graph__dot'} />
              {(!crowded || p.ring <= 1) && (
                <text x={p.x} y={p.y + (n.hop === 0 ? 24 : 20)} textAnchor="middle" className="graph__label">{n.firstName}</text>
              )}
            </a>
          );
        })}
      </svg>
      <figcaption className="muted">{t('organising.graph.caption')}{graph.truncated ? ` ${t('organising.graph.truncated')}` : ''}</figcaption>
    </figure>
  );
}
