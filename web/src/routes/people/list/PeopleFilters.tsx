import { useEffect, useState, type FormEvent } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { membershipStatuses, peopleSorts, useTags, useUnits, type MembershipStatus, type PeopleFilter, type PeopleSort } from '../../../api/people.ts';
import { SelectField } from '../../../components/SelectField.tsx';
import { TextInput } from '../../../components/TextInput.tsx';
import { AreaComboBox } from '../AreaComboBox.tsx';

const ANY = 'any';

/**
 * The search box and filters. Choices apply at once; the text applies when submitted, so the
 * list does not jump about while someone is still typing.
 */
export function PeopleFilters({ filter, onChange }: { filter: PeopleFilter; onChange: (f: PeopleFilter) => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const tags = useTags();
  const [q, setQ] = useState(filter.q ?? '');
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  const set = (patch: Partial<PeopleFilter>) => onChange({ ...filter, ...patch });
  const narrowed = !!(filter.unit || filter.area || filter.tag || filter.membership || filter.q);
  const chosen = [filter.unit, filter.area, filter.tag, filter.membership].filter(Boolean).length + (filter.sort && filter.sort !== 'name' ? 1 : 0);
  // On a phone the filters fold away under the search box unless some are in use.
  const [open, setOpen] = useState(() => chosen > 0 || window.matchMedia('(min-width: 48rem)').matches);

  function submit(e: FormEvent) {
    e.preventDefault();
    set({ q: q.trim() || undefined });
  }

  return (
    <Form onSubmit={submit} role="search" aria-label={t('people.filters.label')} className="people-filters">
      <div className="people-filters__search">
        <TextInput label={t('people.filters.q')} hint={t('people.filters.qHint')} type="search" name="q" value={q} onChange={setQ} />
        <Button type="submit">{t('people.filters.search')}</Button>
      </div>
      <details className="people-filters__more" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>{chosen > 0 ? t('people.filters.moreChosen', { count: chosen }) : t('people.filters.more')}</summary>
        <div className="people-filters__grid">
          <SelectField
            label={t('people.filters.unit')}
            options={[{ id: ANY, label: t('people.filters.anyUnit') }, ...(units.data ?? []).map((u) => ({ id: u.id, label: u.name }))]}
            value={filter.unit ?? ANY}
            onChange={(v) => set({ unit: v && v !== ANY ? v : undefined })}
          />
          <AreaComboBox label={t('people.filters.area')} value={filter.area} onChange={(area) => set({ area })} />
          <SelectField
            label={t('people.filters.tag')}
            options={[{ id: ANY, label: t('people.filters.anyTag') }, ...(tags.data ?? []).map((tag) => ({ id: tag.slug, label: tag.name }))]}
            value={filter.tag ?? ANY}
            onChange={(v) => set({ tag: v && v !== ANY ? v : undefined })}
          />
          <SelectField
            label={t('people.filters.membership')}
            options={[{ id: ANY, label: t('people.filters.anyMembership') }, ...membershipStatuses.map((s) => ({ id: s, label: t(`people.membership.${s}`) }))]}
            value={filter.membership ?? ANY}
            onChange={(v) => set({ membership: v && v !== ANY ? (v as MembershipStatus) : undefined })}
          />
          <SelectField
            label={t('people.filters.sort')}
            options={peopleSorts.map((s) => ({ id: s, label: t(`people.sorts.${s}`) }))}
            value={filter.sort ?? 'name'}
            onChange={(v) => set({ sort: (v as PeopleSort | null) ?? undefined })}
          />
        </div>
      </details>
      {narrowed && <p><Link to="/people">{t('people.filters.clear')}</Link></p>}
    </Form>
  );
}
