import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryError { message: string; targetId?: string }

/** Focuses a field's control: the element itself when it takes focus, else the first control inside it. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el.matches('input, select, textarea, button') ? el : el.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button, [tabindex]:not([tabindex="-1"])') ?? el;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

/** Focuses a field once React has drawn it (after adding a row, focus goes to its first control). */
export function focusSoon(id: string): void {
  setTimeout(() => focusField(id), 0);
}

/**
 * "There is a problem": every error of a failed save, each a link to its field. It takes focus
 * when it appears (focusKey changes), so keyboard and screen reader users start from the list.
 */
export function ErrorSummary({ errors, focusKey }: { errors: SummaryError[]; focusKey: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="conv-error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="conv-error-summary-title">{t('conversations.problem')}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={`${e.targetId ?? ''}-${i}`}>
            {e.targetId ? <a href={`#${e.targetId}`} onClick={(ev) => { ev.preventDefault(); focusField(e.targetId!); }}>{e.message}</a> : e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The visible label of the field with this element id, without closing punctuation (for "Label: message" in the summary). */
export function fieldLabel(id: string): string | undefined {
  return rawLabel(id)?.replace(/[?:]$/, '');
}

function rawLabel(id: string): string | undefined {
  const el = document.getElementById(id);
  if (!el) return undefined;
  const own = (el as HTMLInputElement).labels?.[0]?.textContent;
  if (own) return own.trim();
  const by = el.getAttribute('aria-labelledby')?.split(/\s+/).map((x) => document.getElementById(x)?.textContent ?? '').join(' ').trim();
  if (by) return by;
  return el.querySelector('label, legend, .react-aria-Label')?.textContent?.trim() || undefined;
}
