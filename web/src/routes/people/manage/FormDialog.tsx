import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '../../../components/StatusMessage.tsx';

/**
 * A small form in a modal dialog (rename a tag, edit a field). Focus stays inside while it is
 * open and returns to the button that opened it; Escape cancels. `onSubmit` returns an error
 * message to keep the dialog open, or null to close it.
 */
export function FormDialog({ triggerLabel, triggerAriaLabel, title, submitLabel, onOpen, onSubmit, children }: {
  triggerLabel: string; triggerAriaLabel?: string; title: string; submitLabel: string; onOpen?: () => void;
  onSubmit: () => Promise<string | null>; children: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <DialogTrigger onOpenChange={(open) => { if (open) { setError(null); onOpen?.(); } }}>
      <Button className="react-aria-Button button--secondary" aria-label={triggerAriaLabel}>{triggerLabel}</Button>
      <ModalOverlay className="modal-overlay" isDismissable={!busy}>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <Form
                validationBehavior="aria"
                onSubmit={async (e: FormEvent) => {
                  e.preventDefault();
                  if (busy) return;
                  setBusy(true);
                  const problem = await onSubmit().finally(() => setBusy(false));
                  if (problem) setError(problem);
                  else close();
                }}
              >
                <Heading slot="title">{title}</Heading>
                {children}
                {error && <StatusMessage kind="error">{error}</StatusMessage>}
                <div className="actions">
                  <Button type="submit" isDisabled={busy}>{busy ? t('common.working') : submitLabel}</Button>
                  <Button className="react-aria-Button button--secondary" onPress={close} isDisabled={busy}>{t('common.cancel')}</Button>
                </div>
              </Form>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
