import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { ConfirmDialogProps } from './ConfirmDialog.tsx';

type Props = Omit<ConfirmDialogProps, 'triggerLabel' | 'triggerAriaLabel' | 'triggerClassName'> & {
  id: string;
  /** Closes the dialog (the trigger unmounts this). */
  onClose: () => void;
};

/** The open "Are you sure?" dialog of ConfirmDialog, fetched when it first opens. */
export function ConfirmModal({ id, onClose, title, children, confirmLabel, onConfirm, onDone, destructive }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <ModalOverlay className="modal-overlay" isOpen onOpenChange={(open) => { if (!open) onClose(); }} isDismissable={!busy} isKeyboardDismissDisabled={busy}>
      <Modal className="modal">
        <Dialog id={id} role="alertdialog" className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{title}</Heading>
              <div className="dialog__body">{children}</div>
              {error && <p role="alert" className="notice notice--error">{error}</p>}
              <div className="actions">
                <Button
                  className={`react-aria-Button${destructive ? ' button--danger' : ''}`}
                  isDisabled={busy}
                  onPress={async () => {
                    setBusy(true);
                    setError(null);
                    try {
                      await onConfirm();
                      close();
                      onDone?.();
                    } catch (e) {
                      setError(e instanceof ApiError ? e.message : t('common.error'));
                      setBusy(false);
                    }
                  }}
                >
                  {busy ? t('common.working') : confirmLabel}
                </Button>
                <Button className="react-aria-Button button--secondary" onPress={close} isDisabled={busy}>{t('common.cancel')}</Button>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
