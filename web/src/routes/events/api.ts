import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const eventKinds = ['house_meeting', 'listening_meeting', 'training', 'action', 'assembly', 'social'] as const;
export const eventModes = ['in_person', 'online', 'both'] as const;
export const eventVisibilities = ['public', 'members', 'unit'] as const;
export const frequencies = ['weekly', 'fortnightly', 'monthly'] as const;

/** One event as GET /api/events/:id answers. */
export interface EventItem {
  id: string;
  unit: { id: string; name: string };
  seriesId: string | null;
  seriesPosition: number | null;
  kind: (typeof eventKinds)[number];
  title: string;
  description: string;
  mode: (typeof eventModes)[number];
  address: string | null;
  postcode: string | null;
  wardCode: string | null;
  accessibilityNotes: string;
  onlineUrl: string | null;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  localStart: string;
  localEnd: string;
  capacity: number | null;
  visibility: (typeof eventVisibilities)[number];
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  reminderHours: number | null;
  hosts: { id: string; displayName: string }[];
  counts: { going: number; waitlisted: number; checkedIn: number };
  canManage: boolean;
  publicUrl: string | null;
}

export interface Attendee {
  id: string;
  personId: string;
  name: string;
  email: string | null;
  phone: string | null;
  status: 'going' | 'waitlisted' | 'cancelled';
  source: 'public' | 'organiser' | 'walk_in';
  waitlistPosition: number | null;
  checkInCode: string;
  checkedInAt: string | null;
}

export interface Attendance {
  rsvpId: string;
  status: Attendee['status'];
  checkedInAt: string | null;
  event: { id: string; title: string; kind: EventItem['kind']; startsAt: string; timeZone: string; localStart: string; status: EventItem['status']; unitName: string };
}

export interface Page<T> { items: T[]; nextCursor: string | null }

export const eventKeys = {
  all: ['events'] as const,
  list: (q: Record<string, unknown>) => ['events', 'list', q] as const,
  one: (id: string) => ['events', 'one', id] as const,
  attendees: (id: string, q: string, cursor?: string) => ['events', 'attendees', id, q, cursor] as const,
  person: (id: string, cursor?: string) => ['events', 'person', id, cursor] as const,
  feed: ['events', 'feed'] as const,
};

export function useEvent(id: string | undefined) {
  return useQuery({ queryKey: eventKeys.one(id ?? ''), queryFn: () => api<EventItem>(`/events/${id}`), enabled: !!id });
}

export function useAttendees(id: string, q: string, cursor?: string) {
  const qs = new URLSearchParams({ limit: '50', ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) });
  return useQuery({ queryKey: eventKeys.attendees(id, q, cursor), queryFn: () => api<Page<Attendee>>(`/events/${id}/attendees?${qs}`) });
}

/** "Thu 7 May 2026, 19:00–21:00" in the event's own time zone (named when it is not London). */
export function whenLabel(e: Pick<EventItem, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: e.timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: e.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const start = new Date(e.startsAt);
  const end = new Date(e.endsAt);
  const sameDay = day.format(start) === day.format(end);
  const text = `${day.format(start)}, ${time.format(start)}–${sameDay ? time.format(end) : `${day.format(end)}, ${time.format(end)}`}`;
  return e.timeZone === 'Europe/London' ? text : `${text} (${e.timeZone})`;
}

/** "Thu 7 May 2026, 19:00" in the event's own time zone (named when it is not London). */
export function startLabel(startsAt: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(startsAt));
  return timeZone === 'Europe/London' ? text : `${text} (${timeZone})`;
}
