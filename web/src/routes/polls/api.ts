import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const questionKinds = ['single_choice', 'multiple_choice', 'scale', 'ranking', 'open_text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export interface Option { id: string; label: string }
export interface Question { id: string; position: number; kind: QuestionKind; prompt: string; options: Option[]; scaleMin: number | null; scaleMax: number | null; answers: number }
export interface Programme { id: string; unitId: string; unitName: string; title: string; description: string; createdAt: string; meetingCount: number; questionCount: number; canManage: boolean }
export interface ProgrammeDetail extends Programme { questions: Question[] }
export interface Meeting { eventId: string; title: string; startsAt: string; unitName: string; questionIds: string[]; session: { id: string; status: 'open' | 'closed'; joinCode: string } | null }
export interface QuestionResult {
  id: string; kind: QuestionKind; prompt: string; responses: number;
  options: { id: string; label: string; votes: number; firstChoices: number; rankSum: number }[];
  scale: { value: number; count: number }[]; mean: number | null;
}
export interface HostQuestion { id: string; kind: QuestionKind; prompt: string; options: Option[]; scaleMin: number | null; scaleMax: number | null; state: 'waiting' | 'open' | 'closed'; result: QuestionResult; texts: string[] }
export interface HostState {
  sessionId: string; eventId: string; eventTitle: string; programmeId: string; programmeTitle: string; joinCode: string; joinUrl: string;
  qr: { size: number; path: string }; status: 'open' | 'closed'; participants: number; questions: HostQuestion[];
}
export interface Page<T> { items: T[]; nextCursor: string | null }

export const pollKeys = {
  all: ['polls'] as const,
  programmes: (q: object) => ['polls', 'programmes', q] as const,
  programme: (id: string) => ['polls', 'programme', id] as const,
  meetings: (id: string, cursor?: string) => ['polls', 'programme', id, 'meetings', cursor ?? ''] as const,
  results: (id: string, f: object) => ['polls', 'programme', id, 'results', f] as const,
  meeting: (eventId: string) => ['polls', 'meeting', eventId] as const,
};

export const useProgramme = (id: string | undefined) =>
  useQuery({ queryKey: pollKeys.programme(id ?? ''), queryFn: () => api<ProgrammeDetail>(`/programmes/${id}`), enabled: !!id });

export const useMeetingPoll = (eventId: string | undefined) =>
  useQuery({ queryKey: pollKeys.meeting(eventId ?? ''), queryFn: () => api<{ programmeId: string | null; session: HostState | null }>(`/polls/meetings/${eventId}`), enabled: !!eventId });

/**
 * The host's live state: the fetched state, then every "state" event of the session's stream.
 * EventSource reconnects by itself; `live` says whether the stream is up now.
 */
export function useHostStream(initial: HostState | null): { state: HostState | null; live: boolean } {
  const [state, setState] = useState<HostState | null>(initial);
  const [live, setLive] = useState(false);
  const sessionId = initial?.sessionId;
  useEffect(() => setState(initial), [initial]);
  useEffect(() => {
    if (!sessionId) return;
    const source = new EventSource(`/api/polls/sessions/${sessionId}/stream`);
    // Stream frames carry what changes; the join link and its QR code come with the first fetch only.
    source.addEventListener('state', (e) => {
      const next = JSON.parse((e as MessageEvent<string>).data) as Omit<HostState, 'joinUrl' | 'qr'>;
      setState((prev) => (prev ? { ...prev, ...next } : null));
    });
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [sessionId]);
  return { state, live };
}
