import { useState } from 'react';
import { Button, Label, Tag, TagGroup, TagList, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Tag as TagItem } from '../../api/people.ts';
import { ComboBoxField } from '../../components/ComboBoxField.tsx';

/**
 * Chosen tags as a list (arrow keys move, Delete removes, or the × button) plus a box to add
 * another existing tag by typing part of its name.
 */
export function TagPicker({ all, value, onChange, label, id, error, isDisabled }: {
  all: TagItem[]; value: string[]; onChange: (slugs: string[]) => void; label: string; id?: string; error?: string; isDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  // A fresh box after each choice: closed, empty, and focused again for the next tag.
  const [round, setRound] = useState(0);
  const boxId = `${id ?? 'tags'}-add`;
  const name = (slug: string) => all.find((x) => x.slug === slug)?.name ?? slug;
  const chosen = value.map((slug) => ({ id: slug, name: name(slug) }));
  const needle = text.trim().toLowerCase();
  const offer = all.filter((x) => !value.includes(x.slug) && (!needle || x.name.toLowerCase().includes(needle))).map((x) => ({ id: x.slug, label: x.name }));
  return (
    <div className="tag-picker" id={id}>
      <TagGroup className="tag-picker__group" onRemove={(keys) => onChange(value.filter((s) => !keys.has(s)))} aria-describedby={error ? `${id}-error` : undefined}>
        <Label>{label}</Label>
        <TagList items={chosen} className="tag-list" renderEmptyState={() => <span className="muted">{t('people.tags.noneYet')}</span>}>
          {(item) => (
            <Tag id={item.id} textValue={item.name} className="tag tag--removable" isDisabled={isDisabled}>
              {item.name}
              {/* React Aria names the button by this label followed by its tag: "Remove tag Housing". */}
              <Button slot="remove" className="tag__remove" aria-label={t('people.tags.remove')}>×</Button>
            </Tag>
          )}
        </TagList>
        {value.length > 0 && <Text slot="description" className="muted">{t('people.tags.removeHint')}</Text>}
      </TagGroup>
      {error && <p className="field-error" id={`${id}-error`}>{error}</p>}
      <ComboBoxField
        key={round}
        id={boxId}
        label={t('people.tags.add')}
        items={offer}
        value={null}
        inputValue={text}
        onInputChange={setText}
        onChange={(slug) => {
          if (!slug) return;
          onChange([...value, slug]);
          setText('');
          setRound((r) => r + 1);
          setTimeout(() => document.getElementById(boxId)?.focus(), 0);
        }}
        emptyLabel={t('people.tags.noMore')}
        isDisabled={isDisabled}
      />
    </div>
  );
}
