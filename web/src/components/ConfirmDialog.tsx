import { lazy, Suspense, useId, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';

export interface ConfirmDialogProps {
  /** Visible text of the button that opens the dialog. */
  triggerLabel: ReactNode;
  /** Accessible name of the trigger when its text alone is ambiguous (e.g. "Revoke token CI"). */
  triggerAriaLabel?: string;
  triggerClassName?: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Runs on confirm; the dialog stays open and shows the error if it throws. */
  onConfirm: () => Promise<unknown> | void;
  /** Runs after a successful confirm has closed the dialog: refresh lists (which may remove the trigger) and move focus here. */
  onDone?: () => void;
  /** Style the confirm button as a destructive action. */
  destructive?: boolean;
}

// The dialog's code is fetched when its trigger is first hovered, focused or pressed, not with the page.
const loadModal = () => import('./ConfirmModal.tsx');
const ConfirmModal = lazy(() => loadModal().then((m) => ({ default: m.ConfirmModal })));
const preload = () => void loadModal();

/**
 * "Are you sure?" as a modal alert dialog: focus is trapped inside while open and returns to
 * the trigger when it closes; Escape cancels.
 */
export function ConfirmDialog({ triggerLabel, triggerAriaLabel, triggerClassName, ...dialog }: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const triggerId = useId();
  const dialogId = useId();
  return (
    <>
      <Button
        id={triggerId}
        className={`react-aria-Button ${triggerClassName ?? ''}`.trim()}
        aria-label={triggerAriaLabel}
        aria-expanded={open}
        aria-controls={open ? dialogId : undefined}
        onHoverStart={preload}
        onFocus={preload}
        onPress={() => setOpen(true)}
      >
        {triggerLabel}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <ConfirmModal {...dialog} id={dialogId} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
