import { useRef, useState } from 'react';
import { Button, ToggleButton } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Taxonomy } from '../../../api/conversations.ts';
import { SuggestField, type Suggestion } from './SuggestField.tsx';
import type { PickedIssue } from './formState.ts';

const NEW = 'new:';
const keyOf = (i: PickedIssue) => ('issueId' in i ? i.issueId : `${NEW}${i.text}`);
const labelOf = (i: PickedIssue) => ('issueId' in i ? i.label : i.text);
const MAX_SUGGESTIONS = 6;

/**
 * Issues raised: type to find one in the organisation's taxonomy, or keep the person's own
 * words (filed under the same words if they exist, else proposed as a new issue for organisers
 * to approve). The whole taxonomy can also be browsed by category and ticked off.
 */
export function IssuesPicker({ id, taxonomy, value, onChange, error }: { id: string; taxonomy: Taxonomy; value: PickedIssue[]; onChange: (v: PickedIssue[]) => void; error?: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [browsing, setBrowsing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const chosen = new Set(value.map(keyOf));
  const live = taxonomy.issues.filter((i) => i.status !== 'rejected');
  const needle = text.trim().toLowerCase();
  const categoryName = new Map(taxonomy.categories.map((c) => [c.id, c.label]));
  const suggestions: Suggestion[] = needle ? live
    .filter((i) => !chosen.has(i.id) && i.label.toLowerCase().includes(needle))
    .sort((a, b) => Number(!a.label.toLowerCase().startsWith(needle)) - Number(!b.label.toLowerCase().startsWith(needle)))
    .slice(0, MAX_SUGGESTIONS)
    .map((i) => ({
      id: i.id,
      label: i.label,
      description: i.status === 'proposed' ? t('conversations.issues.proposed') : (i.categoryId ? categoryName.get(i.categoryId) : undefined),
      ariaLabel: t('conversations.issues.choose', { issue: i.label }),
    })) : [];
  if (needle && !live.some((i) => i.label.toLowerCase() === needle) && !chosen.has(`${NEW}${text.trim()}`)) {
    suggestions.push({ id: `${NEW}${text.trim()}`, label: t('conversations.issues.ownWords', { text: text.trim() }), description: t('conversations.issues.ownWordsHint') });
  }
  const status = !needle ? '' : t('conversations.issues.found', { count: suggestions.length });

  function add(key: string) {
    const issue = live.find((i) => i.id === key);
    const next: PickedIssue | null = issue ? { issueId: issue.id, label: issue.label } : key.startsWith(NEW) ? { text: key.slice(NEW.length) } : null;
    if (next) onChange([...value, next]);
    setText('');
    input.current?.focus();
  }
  const toggle = (issueId: string, label: string, on: boolean) =>
    onChange(on ? [...value, { issueId, label }] : value.filter((i) => keyOf(i) !== issueId));

  const groups = [...taxonomy.categories.filter((c) => !c.archived).map((c) => ({ id: c.id, label: c.label })), { id: '', label: t('conversations.issues.uncategorised') }]
    .map((c) => ({ ...c, issues: live.filter((i) => (i.categoryId ?? '') === c.id && i.status === 'approved') }))
    .filter((g) => g.issues.length > 0);

  return (
    <div className="issues-picker">
      <p className="react-aria-Label" id={`${id}-chosen-label`}>{t('conversations.issues.raised')}</p>
      {value.length === 0 ? <p className="muted">{t('conversations.issues.noneYet')}</p> : (
        <ul className="tag-list" aria-labelledby={`${id}-chosen-label`}>
          {value.map((i) => (
            <li key={keyOf(i)} className="tag tag--removable">
              {'issueId' in i ? labelOf(i) : t('conversations.issues.ownWordsChip', { text: labelOf(i) })}
              <Button className="tag__remove" aria-label={t('conversations.issues.remove', { issue: labelOf(i) })} onPress={() => { onChange(value.filter((x) => keyOf(x) !== keyOf(i))); input.current?.focus(); }}>×</Button>
            </li>
          ))}
        </ul>
      )}
      <SuggestField
        id={id}
        inputRef={input}
        label={t('conversations.issues.add')}
        hint={t('conversations.issues.addHint')}
        error={error}
        value={text}
        onChange={setText}
        suggestions={suggestions}
        status={status}
        onPick={(s) => add(s.id)}
      />
      <Button className="react-aria-Button button--link" aria-expanded={browsing} onPress={() => setBrowsing((b) => !b)}>
        {browsing ? t('conversations.issues.hideBrowse') : t('conversations.issues.browse')}
      </Button>
      {browsing && (
        <div className="issue-browser">
          {groups.map((g) => (
            <div key={g.id || 'none'} role="group" aria-labelledby={`${id}-cat-${g.id || 'none'}`} className="issue-browser__group">
              <p className="react-aria-Label" id={`${id}-cat-${g.id || 'none'}`}>{g.label}</p>
              <div className="chip-list">
                {g.issues.map((i) => (
                  <ToggleButton key={i.id} className="chip" isSelected={chosen.has(i.id)} onChange={(on) => toggle(i.id, i.label, on)}>{i.label}</ToggleButton>
                ))}
              </div>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
