import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { clearManualLevel, organisingKeys, setManualLevel, useLevels, type PersonLadder } from '../../../api/organising.ts';
import { StatusMessage } from '../../../components/StatusMessage.tsx';

const OFF = 'off';
// The form (a select and a text box) is fetched when "Change level" is first hovered, focused or pressed.
const loadForm = () => import('./ManualLevelForm.tsx');
const ManualLevelForm = lazy(() => loadForm().then((m) => ({ default: m.ManualLevelForm })));
const preload = () => void loadForm();

/** Promote or demote someone by hand, with a reason (it holds until their activity next changes their level), or go back to the computed level. */
export function ManualLevel({ personId, ladder }: { personId: string; ladder: PersonLadder }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const levels = useLevels();
  const [open, setOpen] = useState(false);
  const [levelId, setLevelId] = useState<string>(ladder.level?.id ?? OFF);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function run(fn: () => Promise<unknown>, done: string) {
    try {
      await fn();
      setMessage({ kind: 'ok', text: done });
      setErrors({});
      setOpen(false);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: organisingKeys.all });
    } catch (e) {
      setErrors(e instanceof ApiError ? e.fieldErrors() : {});
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : t('common.error') });
    }
  }

  return (
    <>
      <StatusMessage kind={message?.kind}>{message?.text}</StatusMessage>
      {!open ? (
        <div className="actions">
          <Button className="react-aria-Button button--secondary" onHoverStart={preload} onFocus={preload} onPress={() => setOpen(true)}>{t('organising.person.changeLevel')}</Button>
          {ladder.manual && <Button className="react-aria-Button button--link" onPress={() => run(() => clearManualLevel(personId), t('organising.person.cleared'))}>{t('organising.person.clearManual')}</Button>}
        </div>
      ) : (
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <ManualLevelForm
            levels={[{ id: OFF, label: t('organising.ladder.noLevel') }, ...(levels.data?.levels ?? []).map((l) => ({ id: l.id, label: l.label }))]}
            levelId={levelId}
            onLevelChange={(v) => setLevelId(v || OFF)}
            reason={reason}
            onReasonChange={setReason}
            errors={errors}
            onSubmit={() => void run(() => setManualLevel(personId, levelId === OFF ? null : levelId, reason), t('organising.person.levelSet'))}
            onCancel={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
