/**
 * Progress of a structure test: per segment, counted / size; overall, the sum counted over the
 * sum of sizes. The rule for going public is per segment: the test is ready when the universe is
 * not empty and **every** segment reaches the threshold. An overall figure can hide a block
 * where nobody has signed, and a show of strength is only as strong as its weakest unit.
 */
export interface SegmentCount { id: string; name: string; size: number; counted: number }

export interface Progress { counted: number; size: number; percent: number; meetsThreshold: boolean }

/** Whole percent, rounded down so a figure shown never claims more than was counted. */
export function percentOf(counted: number, size: number): number {
  return size > 0 ? Math.floor((counted * 100) / size) : 0;
}

/** Whether `counted` of `size` reaches `thresholdPct`, in whole numbers (no rounding). */
export function meets(counted: number, size: number, thresholdPct: number): boolean {
  return size > 0 && counted * 100 >= thresholdPct * size;
}

export function progressOf(segments: SegmentCount[], thresholdPct: number) {
  const perSegment = segments.map((s) => ({ ...s, percent: percentOf(s.counted, s.size), meetsThreshold: meets(s.counted, s.size, thresholdPct) }));
  const counted = segments.reduce((n, s) => n + s.counted, 0);
  const size = segments.reduce((n, s) => n + s.size, 0);
  const overall: Progress = { counted, size, percent: percentOf(counted, size), meetsThreshold: meets(counted, size, thresholdPct) };
  const goPublic = perSegment.length > 0 && size > 0 && perSegment.every((s) => s.meetsThreshold);
  return { segments: perSegment, overall, goPublic, segmentsMeeting: perSegment.filter((s) => s.meetsThreshold).length };
}
