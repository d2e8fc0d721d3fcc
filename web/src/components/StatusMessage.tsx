import type { ReactNode } from 'react';

/**
 * A message that screen readers announce: errors interrupt (role=alert), everything else waits
 * its turn (role=status). Live regions are announced most reliably when they already exist, so
 * it may be rendered empty and filled later.
 */
export function StatusMessage({ kind = 'info', children, className }: { kind?: 'info' | 'ok' | 'error'; children?: ReactNode; className?: string }) {
  const empty = children === undefined || children === null || children === false || children === '';
  const classes = empty ? className : ['notice', kind === 'info' ? '' : `notice--${kind}`, className ?? ''].filter(Boolean).join(' ');
  return <div role={kind === 'error' ? 'alert' : 'status'} className={classes || undefined}>{empty ? null : children}</div>;
}
