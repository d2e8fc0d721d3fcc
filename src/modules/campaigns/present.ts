import { z } from 'zod';
import { issueStatuses } from '../issues/schema.ts';
import { actorKinds, campaignPhases, targetMarks } from './schema.ts';

const issueRef = z.object({ id: z.string().uuid(), label: z.string(), status: z.enum(issueStatuses) }).nullable();

export const campaignSummaryView = z.object({
  id: z.string().uuid(),
  orgId: z.string().uuid(),
  unitId: z.string().uuid(),
  unitName: z.string(),
  title: z.string(),
  issue: issueRef,
  phase: z.enum(campaignPhases),
  phaseChangedAt: z.string().describe('when it entered its current phase'),
  deadline: z.string().nullable(),
  wins: z.number().int(),
  canManage: z.boolean(),
  createdAt: z.string(),
});
export type CampaignSummaryView = z.infer<typeof campaignSummaryView>;

export const phaseChangeView = z.object({
  fromPhase: z.enum(campaignPhases).nullable().describe('null for the phase it started in'),
  toPhase: z.enum(campaignPhases),
  direction: z.enum(['start', 'forward', 'backward']),
  reason: z.string().nullable(),
  changedAt: z.string(),
  changedBy: z.string().nullable().describe('display name of the account'),
});

export const teamMemberView = z.object({ personId: z.string().uuid(), name: z.string(), role: z.string(), isLeader: z.boolean() });

export const campaignView = campaignSummaryView.extend({
  description: z.string(),
  demand: z.string(),
  goal: z.string(),
  areas: z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() })),
  history: z.array(phaseChangeView).describe('every phase change, oldest first'),
  team: z.array(teamMemberView).describe('leaders first, then by name'),
  updatedAt: z.string(),
});
export type CampaignView = z.infer<typeof campaignView>;

export const actorView = z.object({
  id: z.string().uuid(),
  kind: z.enum(actorKinds),
  personId: z.string().uuid().nullable(),
  institutionId: z.string().uuid().nullable().describe('a partner institution (not yet used)'),
  name: z.string(),
  position: z.string(),
  influence: z.number().int().min(1).max(5),
  stance: z.number().int().min(-2).max(2),
  selfInterest: z.string(),
  target: z.enum(targetMarks).nullable(),
  notes: z.string(),
  contacts: z.array(z.object({ personId: z.string().uuid(), name: z.string(), relationship: z.string() })).describe('our people who have a relationship with them'),
});
export type ActorView = z.infer<typeof actorView>;

export const powerMapView = z.object({
  campaignId: z.string().uuid(),
  canManage: z.boolean(),
  actors: z.array(actorView).describe('most influential first'),
  links: z.array(z.object({ id: z.string().uuid(), fromActorId: z.string().uuid(), toActorId: z.string().uuid(), description: z.string() })),
  truncated: z.boolean().describe('true when the map has more actors than one answer carries'),
});

export const winView = z.object({
  id: z.string().uuid(),
  campaignId: z.string().uuid(),
  campaignTitle: z.string(),
  unitId: z.string().uuid(),
  unitName: z.string(),
  wonOn: z.string(),
  title: z.string(),
  description: z.string(),
  evidence: z.string(),
  canManage: z.boolean(),
  createdAt: z.string(),
});
export type WinView = z.infer<typeof winView>;

export const winsPageView = z.object({
  unitId: z.string().uuid(),
  unitName: z.string(),
  isPublic: z.boolean(),
  publicUrl: z.string().describe('where the page is served without signing in, once public'),
  canManage: z.boolean(),
});

/** What the public wins page carries: no people, no evidence, no ids of anything personal. */
export const publicWinView = z.object({ wonOn: z.string(), title: z.string(), description: z.string(), campaignTitle: z.string() });
export const publicWinsView = z.object({ unitName: z.string(), items: z.array(publicWinView), nextCursor: z.string().nullable() });

const count = z.object({ people: z.number().int().nullable().describe('null when withheld'), records: z.number().int().nullable().describe('times raised: one per person per conversation or meeting; null when withheld'), suppressed: z.boolean() });

export const evidenceView = z.object({
  campaignId: z.string().uuid(),
  issue: issueRef,
  available: z.boolean().describe('false when the campaign has no issue, or I may not read issue counts for its unit'),
  from: z.string().describe('first day counted'),
  to: z.string().describe('day after the last day counted'),
  areas: z.array(z.string()).describe('counted among people living in these areas; empty: everyone in the unit'),
  threshold: z.number().int(),
  suppression: z.string(),
  total: count.describe('all sources together'),
  bySource: z.array(count.extend({ source: z.string() })),
});
export type EvidenceView = z.infer<typeof evidenceView>;

export const iso = (d: Date | string) => new Date(d).toISOString();
