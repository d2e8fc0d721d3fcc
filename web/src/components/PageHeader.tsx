import type { ReactNode } from 'react';

/** The page's one <h1>, an optional lead paragraph, and actions beside it (wrapping under it on phones). */
export function PageHeader({ title, lead, actions, children }: { title: ReactNode; lead?: ReactNode; actions?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      {children}
      <div className="page-header__row">
        <h1>{title}</h1>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
      {lead && <p className="page-header__lead">{lead}</p>}
    </div>
  );
}
