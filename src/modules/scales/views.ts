import { z } from 'zod';
import { scaleKinds, scalePhaseModes, type scales } from './schema.ts';

export type ScaleRow = typeof scales.$inferSelect;

export const scaleView = z.object({
  id: z.string().uuid(),
  orgId: z.string().uuid(),
  key: z.string(),
  label: z.string(),
  description: z.string().nullable(),
  kind: z.enum(scaleKinds),
  minValue: z.number().int(),
  maxValue: z.number().int(),
  pointLabels: z.record(z.string(), z.string()),
  higherIsBetter: z.boolean(),
  phases: z.enum(scalePhaseModes),
  sortOrder: z.number().int(),
  archived: z.boolean(),
});
export type ScaleView = z.infer<typeof scaleView>;

/** A scale row → JSON. */
export function presentScale(r: ScaleRow): ScaleView {
  return {
    id: r.id, orgId: r.orgId, key: r.key, label: r.label, description: r.description, kind: r.kind, minValue: r.minValue, maxValue: r.maxValue,
    pointLabels: r.pointLabels, higherIsBetter: r.higherIsBetter, phases: r.phases, sortOrder: r.sortOrder, archived: r.archivedAt !== null,
  };
}
