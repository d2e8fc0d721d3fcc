import type { ReactNode } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';

/**
 * A part of the form that opens on demand (progressive disclosure). Its fields stay mounted
 * while closed, so what was typed is kept; `summary` says what is inside when closed.
 */
export function FormSection({ id, title, summary, isExpanded, onExpandedChange, children }: {
  id: string;
  title: string;
  summary?: string;
  isExpanded: boolean;
  onExpandedChange: (open: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Disclosure id={id} className="form-disclosure" isExpanded={isExpanded} onExpandedChange={onExpandedChange}>
      <Heading level={2} className="form-disclosure__heading">
        <Button slot="trigger" className="form-disclosure__trigger">
          <svg aria-hidden="true" className="form-disclosure__chevron" viewBox="0 0 10 10" width="12" height="12">
            <path d={isExpanded ? 'M1 3 L9 3 L5 8 z' : 'M3 1 L8 5 L3 9 z'} fill="currentColor" />
          </svg>
          <span className="form-disclosure__title">{title}</span>
          {summary && <span className="form-disclosure__summary">{summary}</span>}
        </Button>
      </Heading>
      <DisclosurePanel className="form-disclosure__panel">{children}</DisclosurePanel>
    </Disclosure>
  );
}
