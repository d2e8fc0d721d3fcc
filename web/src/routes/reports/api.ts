import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { QuestionResult } from '../polls/api.ts';

type IssueRef = { id: string; label: string; status: 'proposed' | 'approved' | 'rejected' };
export interface Minutes { text: string; updatedAt: string; updatedBy: string | null }

export interface MeetingReport {
  event: { id: string; title: string; kind: string; status: 'scheduled' | 'cancelled'; startsAt: string; timeZone: string; localStart: string; unit: { id: string; name: string }; capacity: number | null };
  attendance: { going: number; waitlisted: number; cancelled: number; checkedIn: number; walkIns: number };
  organisations: { recorded: false; items: { name: string }[] };
  minutes: Minutes | null;
  issues: { issue: IssueRef; records: number; namedPeople: number; reportedPeople: number; groups: (string | null)[] }[];
  themes: { group: string | null; text: string }[];
  quotes: { group: string | null; text: string }[];
  polls: { programme: { id: string; title: string } | null; questions: QuestionResult[]; breakouts: { id: string | null; name: string | null; questions: QuestionResult[] }[] };
  generatedAt: string;
}

export interface ProgrammeReport {
  programme: { id: string; title: string; unit: { id: string; name: string } };
  unit: string | null;
  totals: { meetings: number; held: number; cancelled: number; withPoll: number; going: number; waitlisted: number; checkedIn: number; walkIns: number };
  meetings: { eventId: string; title: string; startsAt: string; localStart: string; unitName: string; status: 'scheduled' | 'cancelled'; held: boolean; canManage: boolean; polled: boolean; attendance: { going: number; waitlisted: number; checkedIn: number; walkIns: number }; issuesRecorded: number | null }[];
  truncated: boolean;
  issues: { fromMeetings: number; items: { issue: IssueRef; meetings: number; records: number; namedPeople: number; reportedPeople: number; byMeeting: { eventId: string; records: number; reportedPeople: number }[] }[] };
  questions: (QuestionResult & { byMeeting: { eventId: string; result: QuestionResult }[] })[];
  generatedAt: string;
}

export const reportKeys = {
  meeting: (id: string) => ['reports', 'meeting', id] as const,
  programme: (id: string, unit: string) => ['reports', 'programme', id, unit] as const,
};

export const useMeetingReport = (id: string | undefined) =>
  useQuery({ queryKey: reportKeys.meeting(id ?? ''), queryFn: () => api<MeetingReport>(`/events/${id}/report`), enabled: !!id });

export const useProgrammeReport = (id: string | undefined, unit: string) =>
  useQuery({ queryKey: reportKeys.programme(id ?? '', unit), queryFn: () => api<ProgrammeReport>(`/programmes/${id}/report${unit ? `?${new URLSearchParams({ unit })}` : ''}`), enabled: !!id });
