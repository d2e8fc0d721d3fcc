import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface Member { rsvpId: string; name: string }
export interface Group { id: string; position: number; name: string; facilitator: { id: string; displayName: string } | null; members: Member[] }
export interface Plan { eventId: string; source: 'checked_in' | 'confirmed'; groupSize: number; seed: number; publishedAt: string | null; unpublishedChanges: boolean; groups: Group[] }
export interface MyGroups { eventId: string; eventTitle: string; publishedAt: string; groups: { id: string; name: string; members: Member[] }[] }

export const breakoutKeys = {
  plan: (eventId: string) => ['breakouts', eventId] as const,
  mine: (eventId: string) => ['breakouts', eventId, 'mine'] as const,
  candidates: (unitId: string) => ['breakouts', 'candidates', unitId] as const,
};

/** The host's plan, or null while the meeting has none (a 404 here means "not split yet" once the event itself loaded). */
export const usePlan = (eventId: string | undefined, enabled: boolean) =>
  useQuery({
    queryKey: breakoutKeys.plan(eventId ?? ''),
    queryFn: () => api<Plan>(`/events/${eventId}/breakouts`).catch((err: { status?: number }) => { if (err.status === 404) return null; throw err; }),
    enabled: !!eventId && enabled,
  });

export const useMyGroups = (eventId: string | undefined) =>
  useQuery({
    queryKey: breakoutKeys.mine(eventId ?? ''),
    queryFn: () => api<MyGroups>(`/events/${eventId}/breakouts/mine`).catch((err: { status?: number }) => { if (err.status === 404) return null; throw err; }),
    enabled: !!eventId,
  });

/** Facilitators the host may pick: the account directory's "facilitate" list for the event's unit (the first page). */
export const useCandidates = (unitId: string | undefined) =>
  useQuery({
    queryKey: breakoutKeys.candidates(unitId ?? ''),
    queryFn: () => api<{ items: { id: string; displayName: string }[] }>(`/accounts/directory?can=facilitate&unit=${unitId}&limit=100`),
    enabled: !!unitId,
  });

export interface NoteGroup {
  id: string | null; name: string | null; canRecord: boolean;
  issues: { id: string; issue: { id: string; label: string }; rawText: string | null; peopleCount: number | null; raisedBy: Member[] }[];
  themes: { id: string; text: string }[];
  quotes: { id: string; text: string; consentWording: string; speaker: Member | null }[];
}
export interface MeetingNotes { eventId: string; eventTitle: string; canRecordMeeting: boolean; groups: NoteGroup[]; members: (Member & { groupId: string | null })[] }

export const notesKey = (eventId: string) => ['breakouts', eventId, 'notes'] as const;

/** What the meeting heard, as the caller may read it (a facilitator: their own groups). */
export const useMeetingNotes = (eventId: string | undefined) =>
  useQuery({ queryKey: notesKey(eventId ?? ''), queryFn: () => api<MeetingNotes>(`/events/${eventId}/notes`), enabled: !!eventId });
