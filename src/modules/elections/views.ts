import { z } from 'zod';

/** The line every response and page showing these figures carries (Open Parliament Licence v3.0). */
export const ATTRIBUTION = 'Contains Parliamentary information licensed under the Open Parliament Licence v3.0.' as const;

export const attribution = z.literal(ATTRIBUTION);
const pts = z.number().nullable();

export const electionView = z.object({
  name: z.string(),
  heldOn: z.string(),
  boundarySet: z.string(),
  parties: z.array(z.string()),
  seats: z.number().int(),
  sourceFile: z.string(),
  importedAt: z.string(),
});

export const scopeView = z.object({ level: z.enum(['uk', 'gb', 'nation', 'region', 'constituency']), code: z.string().nullable(), name: z.string() });

export const summaryView = z.object({
  election: z.object({ name: z.string(), heldOn: z.string(), boundarySet: z.string() }),
  compare: z.object({ name: z.string(), heldOn: z.string() }).nullable(),
  area: scopeView,
  seats: z.number().int(),
  electorate: z.number().int(),
  validVotes: z.number().int(),
  invalidVotes: z.number().int(),
  turnoutPct: z.number(),
  turnoutChangePts: pts,
  parties: z.array(z.object({
    party: z.string(), name: z.string(), votes: z.number().int().nullable(), sharePct: pts, changePts: pts, seats: z.number().int(), seatChange: z.number().int().nullable(),
  })),
  swing: z.object({ from: z.string(), to: z.string(), points: z.number() }).nullable(),
  notes: z.array(z.string()),
});

export const seatView = z.object({
  code: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string(), nationCode: z.string(),
  winner: z.string(), winnerVotes: z.number().int().nullable(), winnerSharePct: pts,
  runnerUp: z.string(), runnerUpVotes: z.number().int().nullable(), runnerUpSharePct: pts,
  majority: z.number().int(), majorityPct: z.number(), swingToFlipPts: z.number(),
  electorate: z.number().int(), validVotes: z.number().int(), turnoutPct: z.number(), result: z.string(), memberName: z.string().nullable(),
  shares: z.record(z.string(), z.number()), changes: z.record(z.string(), z.number()).nullable(),
  challengerSwingPts: pts, rank: z.number().int(),
});

export const scenarioView = z.object({
  from: z.string(), to: z.string(), swing: z.number(), area: scopeView, seatsInArea: z.number().int(),
  changes: z.array(z.object({ code: z.string(), name: z.string(), regionName: z.string(), before: z.string(), after: z.string(), majorityPctBefore: z.number(), marginPctAfter: z.number() })),
  seatsBefore: z.record(z.string(), z.number().int()),
  seatsAfter: z.record(z.string(), z.number().int()),
  attribution,
});

export const hexView = z.object({
  code: z.string(), name: z.string(), q: z.number().int(), r: z.number().int(), regionName: z.string(),
  winner: z.string(), majorityPct: z.number(), sharePct: pts, changePts: pts, swingNeededPts: pts,
});

export const targetListView = z.object({
  id: z.string().uuid(), unitId: z.string().uuid(), unitName: z.string(), election: z.string(), name: z.string(), notes: z.string(),
  basis: z.record(z.string(), z.unknown()), seatCount: z.number().int(), createdAt: z.string(),
});
