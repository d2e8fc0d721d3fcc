import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryError { path: string; message: string; label?: string; targetId?: string }

/** Focuses a field's control: the element itself when it takes focus, else the first control inside it. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  const target = el.matches('input, select, textarea, button, [tabindex]') ? el : el.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]:not([tabindex="-1"])');
  (target ?? el).scrollIntoView({ block: 'center' });
  (target ?? el).focus();
}

/**
 * "There is a problem": every error of a failed submit, each linking to its field. Focus moves
 * here when it appears so keyboard and screen reader users start from the list.
 */
export function ErrorSummary({ errors, message, focusKey }: { errors: SummaryError[]; message?: string; focusKey: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (errors.length === 0 && !message) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} ref={ref}>
      <h2 id="error-summary-title">{t('people.form.problem')}</h2>
      {message && errors.length === 0 && <p>{message}</p>}
      {errors.length > 0 && (
        <ul>
          {errors.map((e, i) => (
            <li key={`${e.path}-${i}`}>
              {e.targetId ? (
                <a href={`#${e.targetId}`} onClick={(ev) => { ev.preventDefault(); focusField(e.targetId!); }}>
                  {e.label ? t('people.form.errorOn', { label: e.label, message: e.message }) : e.message}
                </a>
              ) : (e.label ? t('people.form.errorOn', { label: e.label, message: e.message }) : e.message)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
