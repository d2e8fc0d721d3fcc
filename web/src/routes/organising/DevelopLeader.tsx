import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { PickedAccount } from '../../api/accounts.ts';
import { developLeader, endDevelopment, type Leader } from '../../api/organising.ts';
import { useSession } from '../../api/session.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { AccountPicker } from '../conversations/log/AccountPicker.tsx';
import { TextAreaField } from '../conversations/log/TextAreaField.tsx';

/**
 * "Mark as leader in development" with a mentor (me, or any organiser who may manage leaders
 * in my units, found by name), or end a development under way.
 */
export function DevelopLeader({ leader }: { leader: Leader }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const name = [leader.person.firstName, leader.person.lastName].filter(Boolean).join(' ');
  const me: PickedAccount | undefined = session?.account ? { id: session.account.id, displayName: session.account.displayName } : undefined;
  const [chosen, setMentor] = useState<PickedAccount | null>(leader.development?.mentor ?? null);
  const mentor = chosen ?? me ?? null;
  const [note, setNote] = useState(leader.development?.note ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['organising'] });

  return (
    <div className="row-actions">
      <DialogTrigger onOpenChange={(open) => { if (open) setError(null); }}>
        <Button className="react-aria-Button button--secondary button--small" aria-label={leader.development ? t('organising.leaders.changeMentorNamed', { name }) : t('organising.leaders.markNamed', { name })}>
          {leader.development ? t('organising.leaders.changeMentor') : t('organising.leaders.mark')}
        </Button>
        <ModalOverlay className="modal-overlay" isDismissable={!busy}>
          <Modal className="modal">
            <Dialog className="dialog">
              {({ close }) => (
                <Form validationBehavior="aria" onSubmit={async (e) => {
                  e.preventDefault();
                  if (!mentor) { setError(t('organising.leaders.mentorNeeded')); return; }
                  setBusy(true);
                  try {
                    await developLeader(leader.person.id, mentor.id, note.trim() || null);
                    close();
                    await refresh();
                  } catch (err) {
                    setError(err instanceof ApiError ? err.message : t('common.error'));
                  } finally {
                    setBusy(false);
                  }
                }}>
                  <Heading slot="title">{t('organising.leaders.markTitle', { name })}</Heading>
                  <AccountPicker id={`mentor-${leader.person.id}`} label={t('organising.leaders.mentor')} searchLabel={t('organising.leaders.findMentor')} can="mentor" value={mentor} onChange={setMentor} me={me} />
                  <TextAreaField label={t('organising.leaders.note')} value={note} onChange={setNote} />
                  {error && <p role="alert" className="notice notice--error">{error}</p>}
                  <div className="actions">
                    <Button type="submit" className="react-aria-Button" isDisabled={busy}>{busy ? t('common.working') : t('organising.leaders.save')}</Button>
                    <Button className="react-aria-Button button--secondary" onPress={close} isDisabled={busy}>{t('common.cancel')}</Button>
                  </div>
                </Form>
              )}
            </Dialog>
          </Modal>
        </ModalOverlay>
      </DialogTrigger>
      {leader.development && (
        <ConfirmDialog
          triggerLabel={t('organising.leaders.end')}
          triggerAriaLabel={t('organising.leaders.endNamed', { name })}
          triggerClassName="button--link"
          title={t('organising.leaders.endTitle', { name })}
          confirmLabel={t('organising.leaders.end')}
          onConfirm={() => endDevelopment(leader.person.id)}
          onDone={() => void refresh()}
        >
          <p>{t('organising.leaders.endBody', { name })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
