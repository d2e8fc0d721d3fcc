export const structureStatuses = ['draft', 'running', 'public', 'closed'] as const;
export type StructureStatus = (typeof structureStatuses)[number];

export interface Progress { counted: number; size: number; percent: number; meetsThreshold: boolean }
export interface StructureTestSummary {
  id: string; campaignId: string; title: string; countsWhat: string; thresholdPct: number; quota: number | null; status: StructureStatus;
  publicOverrideReason: string | null; overall: Progress; segmentCount: number; segmentsMeeting: number; goPublic: boolean; canManage: boolean;
  createdAt: string; updatedAt: string;
}
export interface StructureTest extends StructureTestSummary {
  segments: (Progress & { id: string; name: string })[];
  volunteers: { accountId: string | null; name: string; counted: number; quota: number | null; percent: number | null; metQuota: boolean | null }[];
  counts: { personId: string; name: string | null; segmentId: string; collectedBy: string | null; collectedAt: string; canRemove: boolean }[];
  canCount: boolean;
}

export const structureKeys = {
  list: (campaignId: string) => ['campaigns', 'structure-tests', campaignId] as const,
  one: (campaignId: string, testId: string) => ['campaigns', 'structure-tests', campaignId, testId] as const,
};
