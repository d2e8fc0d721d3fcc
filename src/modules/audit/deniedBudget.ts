const MINUTE = 60_000;

/** Refusals from one source in one minute that were counted but not recorded one by one. */
export interface SuppressedRefusals {
  key: string;
  count: number;
  from: Date;
  to: Date;
}

/**
 * Bounds what a flood of refused requests can write to the audit log. Each source (a keyed hash
 * of the client address, with the reason) has `perMinute` refusals a minute recorded one by one;
 * the rest are only counted, and the counts come back once their minute is over, to be written
 * as one row each. At most `maxSources` sources are tracked a minute; refusals from any more
 * share one "other sources" count, so memory stays bounded however many addresses a flood uses.
 */
export class DeniedBudget {
  private minute = -1;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly perMinute: number,
    private readonly maxSources = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether to record this refusal, and the counts of a minute that has just ended, if any. */
  take(key: string): { record: boolean; ended: SuppressedRefusals[] } {
    const minute = Math.floor(this.now() / MINUTE);
    const ended = minute === this.minute ? [] : this.drain();
    this.minute = minute;
    const k = this.counts.has(key) || this.counts.size < this.maxSources ? key : OTHER_SOURCES;
    const n = (this.counts.get(k) ?? 0) + 1;
    this.counts.set(k, n);
    return { record: k !== OTHER_SOURCES && n <= this.perMinute, ended };
  }

  /** The counts of the current minute, emptied (when the server stops). */
  drain(): SuppressedRefusals[] {
    const from = new Date(this.minute * MINUTE);
    const to = new Date((this.minute + 1) * MINUTE);
    const out: SuppressedRefusals[] = [];
    for (const [key, n] of this.counts) {
      const count = key === OTHER_SOURCES ? n : n - this.perMinute;
      if (count > 0) out.push({ key, count, from, to });
    }
    this.counts.clear();
    return out;
  }
}

/** The shared count for sources beyond the tracked number. */
export const OTHER_SOURCES = '(other sources)';
