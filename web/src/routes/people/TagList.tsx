import type { TagRef } from '../../api/people.ts';

/** Tags as small labels in a list, so screen readers announce how many there are. */
export function TagList({ tags, label }: { tags: TagRef[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={label}>
      {tags.map((t) => <li key={t.slug} className="tag">{t.name}</li>)}
    </ul>
  );
}
