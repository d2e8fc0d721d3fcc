import { z } from 'zod';
import { attribution, scopeView } from '../elections/views.ts';

export const impactView = z.object({
  party: z.string(),
  partyName: z.string(),
  from: z.string(),
  to: z.string(),
  area: scopeView.nullable(),
  source: z.object({ kind: z.enum(['list', 'records']), description: z.string() }),
  method: z.object({ matching: z.string(), k: z.number().int(), caliperPts: z.number(), resamples: z.number().int(), seed: z.number().int(), confidencePct: z.number() }),
  organised: z.object({ seats: z.number().int(), meanChangePts: z.number() }),
  comparison: z.object({ seats: z.number().int(), meanChangePts: z.number() }),
  difference: z.object({ pts: z.number(), lowPts: z.number(), highPts: z.number() }),
  regional: z.object({ regions: z.array(z.string()), changePts: z.number() }),
  seats: z.array(z.object({
    code: z.string(), name: z.string(), regionName: z.string(), organised: z.boolean(), priorSharePct: z.number(), priorMajorityPct: z.number(),
    changePts: z.number(), matchedWith: z.array(z.string()),
  })),
  excluded: z.array(z.object({ code: z.string(), name: z.string(), reason: z.string() })),
  caveats: z.array(z.string()),
  statement: z.string(),
  attribution,
});
