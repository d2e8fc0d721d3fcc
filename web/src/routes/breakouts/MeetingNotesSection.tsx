import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/index.ts';
import { useMeetingNotes } from './api.ts';
import { GroupNotes } from './GroupNotes.tsx';

/** The host's console for the whole room: the same records as a group's, with every attendee to name. */
export function MeetingNotesSection({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const notes = useMeetingNotes(eventId);
  const n = notes.data;
  const room = n?.groups.find((g) => g.id === null && g.name === null);
  return (
    <section aria-labelledby="meeting-notes">
      <h2 id="meeting-notes">{t('breakouts.notes.meetingTitle')}</h2>
      <QueryState isLoading={notes.isLoading} error={notes.error} retry={() => void notes.refetch()}>
        {n && room && <GroupNotes eventId={eventId} group={room} members={n.members} />}
      </QueryState>
    </section>
  );
}
