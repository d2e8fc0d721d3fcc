import type { Relationship } from '../../api/organising.ts';
import { formatDate } from '../../components/format.ts';

/** What a link says from the point of view of `personId`: "friend (strength 4)", "recruited Ann", "was brought by Bob to …". */
export function describeLink(t: (k: string, o?: Record<string, unknown>) => string, r: Relationship, personId: string): { other: Relationship['person']; text: string } {
  const outward = r.person.id === personId;
  const other = outward ? r.otherPerson : r.person;
  if (r.type === 'tie') return { other, text: t('organising.relationships.tie', { kind: t(`organising.kinds.${r.kind ?? 'other'}`), strength: r.strength ?? '—' }) };
  const key = `organising.relationships.${r.type}${outward ? 'Out' : 'In'}`;
  const text = t(key, { event: r.eventName ?? '' });
  return { other, text: r.occurredOn ? `${text} (${formatDate(r.occurredOn)})` : text };
}
