import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { peopleKeys, setPersonTags, useTags, type PersonDetail } from '../../../api/people.ts';
import { StatusMessage } from '../../../components/StatusMessage.tsx';
import { personName } from '../personName.ts';
import { TagList } from '../TagList.tsx';

// The tag editor (a combobox and a tag group) is fetched once the page is shown; until then the tags are listed.
const TagPicker = lazy(() => import('../TagPicker.tsx').then((m) => ({ default: m.TagPicker })));

/** A person's tags, added and removed in place (each change is saved at once). */
export function PersonTags({ person, canEdit }: { person: PersonDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tags = useTags();
  // Changes wait for the one before; the controls stay enabled so keyboard focus is never dropped.
  const busy = useRef(false);
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const name = personName(person);

  async function change(slugs: string[]) {
    const added = slugs.filter((s) => !person.tags.some((x) => x.slug === s));
    const removed = person.tags.filter((x) => !slugs.includes(x.slug));
    if (busy.current) return;
    busy.current = true;
    setNote(null);
    try {
      const r = await setPersonTags(person.id, slugs);
      queryClient.setQueryData(peopleKeys.one(person.id), { ...person, tags: r.tags });
      await queryClient.invalidateQueries({ queryKey: ['people', 'list'] });
      await queryClient.invalidateQueries({ queryKey: peopleKeys.tags });
      const tagName = (slug: string) => tags.data?.find((x) => x.slug === slug)?.name ?? slug;
      setNote({ kind: 'ok', text: added.length ? t('people.tags.addedTo', { tag: tagName(added[0]!), name }) : t('people.tags.removedFrom', { tag: removed[0]?.name ?? '', name }) });
    } catch (err) {
      setNote({ kind: 'error', text: err instanceof ApiError ? err.message : t('common.error') });
    } finally {
      busy.current = false;
    }
  }

  const list = person.tags.length === 0 ? <p className="muted">{t('people.tags.noneYet')}</p> : <TagList tags={person.tags} label={t('people.fields.tagsOf', { name })} />;
  return (
    <section className="person-section" aria-labelledby="tags-heading">
      <h2 id="tags-heading">{t('people.fields.tags')}</h2>
      {canEdit ? (
        <Suspense fallback={list}>
          <TagPicker id="person-tags" all={tags.data ?? []} value={person.tags.map((x) => x.slug)} onChange={change} label={t('people.tags.current', { name })} />
        </Suspense>
      ) : list}
      {note && <StatusMessage kind={note.kind}>{note.text}</StatusMessage>}
    </section>
  );
}
