import { z } from 'zod';
import type { Config } from '../../config.ts';
import { formatLocal } from './zonedTime.ts';
import { eventKinds, eventModes, eventStatuses, eventVisibilities, rsvpSources, rsvpStatuses, type events } from './schema.ts';

export type EventRow = typeof events.$inferSelect;

const consentQuestionView = z.object({ key: z.string(), wording: z.string(), required: z.boolean() });

export const eventView = z.object({
  id: z.string().uuid(),
  unit: z.object({ id: z.string().uuid(), name: z.string() }),
  seriesId: z.string().uuid().nullable(),
  seriesPosition: z.number().int().nullable(),
  kind: z.enum(eventKinds),
  title: z.string(),
  description: z.string(),
  mode: z.enum(eventModes),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  wardCode: z.string().nullable(),
  constituencyCode: z.string().nullable(),
  accessibilityNotes: z.string(),
  onlineUrl: z.string().nullable(),
  startsAt: z.string().describe('UTC instant'),
  endsAt: z.string(),
  timeZone: z.string(),
  localStart: z.string().describe('"YYYY-MM-DDTHH:MM" in the event’s time zone'),
  localEnd: z.string(),
  capacity: z.number().int().nullable(),
  visibility: z.enum(eventVisibilities),
  status: z.enum(eventStatuses),
  cancelReason: z.string().nullable(),
  reminderHours: z.number().int().nullable(),
  consentQuestions: z.array(consentQuestionView),
  privacyNoticeVersion: z.string(),
  sequence: z.number().int(),
  hosts: z.array(z.object({ id: z.string().uuid(), displayName: z.string() })),
  counts: z.object({ going: z.number().int(), waitlisted: z.number().int(), checkedIn: z.number().int() }),
  canManage: z.boolean(),
  publicUrl: z.string().nullable().describe('the public page, for public events'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventView = z.infer<typeof eventView>;

/** An event as the list and detail queries read it (camelCase columns plus aggregates). */
export interface EventListRow extends EventRow {
  unitName: string;
  hosts: { id: string; displayName: string }[] | null;
  going: number;
  waitlisted: number;
  checkedIn: number;
  canManage: boolean;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The public page of an event. */
export const publicEventUrl = (config: Pick<Config, 'publicUrl'>, id: string) => `${config.publicUrl}/e/${id}`;

export function presentEvent(r: EventListRow, config: Pick<Config, 'publicUrl'>): EventView {
  const startsAt = new Date(r.startsAt);
  const endsAt = new Date(r.endsAt);
  return {
    id: r.id,
    unit: { id: r.unitId, name: r.unitName },
    seriesId: r.seriesId,
    seriesPosition: r.seriesPosition,
    kind: r.kind,
    title: r.title,
    description: r.description,
    mode: r.mode,
    address: r.address,
    postcode: r.postcode,
    wardCode: r.wardCode,
    constituencyCode: r.constituencyCode,
    accessibilityNotes: r.accessibilityNotes,
    onlineUrl: r.onlineUrl,
    startsAt: iso(startsAt),
    endsAt: iso(endsAt),
    timeZone: r.timeZone,
    localStart: formatLocal(startsAt, r.timeZone),
    localEnd: formatLocal(endsAt, r.timeZone),
    capacity: r.capacity,
    visibility: r.visibility,
    status: r.status,
    cancelReason: r.cancelReason,
    reminderHours: r.reminderHours,
    consentQuestions: r.consentQuestions,
    privacyNoticeVersion: r.privacyNoticeVersion,
    sequence: r.sequence,
    hosts: r.hosts ?? [],
    counts: { going: r.going, waitlisted: r.waitlisted, checkedIn: r.checkedIn },
    canManage: r.canManage,
    publicUrl: r.visibility === 'public' ? publicEventUrl(config, r.id) : null,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export const attendeeView = z.object({
  id: z.string().uuid().describe('the RSVP'),
  personId: z.string().uuid(),
  name: z.string().describe('as given'),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  postcode: z.string().nullable(),
  status: z.enum(rsvpStatuses),
  source: z.enum(rsvpSources),
  waitlistPosition: z.number().int().nullable(),
  checkInCode: z.string(),
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AttendeeView = z.infer<typeof attendeeView>;

export const attendanceView = z.object({
  rsvpId: z.string().uuid(),
  status: z.enum(rsvpStatuses),
  checkedInAt: z.string().nullable(),
  event: z.object({
    id: z.string().uuid(), title: z.string(), kind: z.enum(eventKinds), startsAt: z.string(), timeZone: z.string(),
    localStart: z.string(), status: z.enum(eventStatuses), unitName: z.string(),
  }),
});
export type AttendanceView = z.infer<typeof attendanceView>;
