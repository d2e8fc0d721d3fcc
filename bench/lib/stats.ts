import { execSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** The p-th percentile (0–100) of samples, nearest-rank. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** p50/p95/p99/max of millisecond samples. */
export function summarise(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const r = (v: number) => Math.round(v * 10) / 10;
  return { n: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), p99: r(percentile(s, 99)), max: r(s[s.length - 1] ?? NaN) };
}

/** What machine a figure was measured on: cores, memory, Node and PostgreSQL versions, date. */
export function machine(postgresVersion?: string) {
  const sh = (c: string) => {
    try {
      return execSync(c, { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  return {
    date: new Date().toISOString(),
    nproc: sh('nproc'),
    cpu: cpus()[0]?.model ?? 'unknown',
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    postgres: postgresVersion ?? 'n/a',
    /** 1/5/15-minute load averages at the end of the run: other work shares the two cores. */
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
export const fmt = (n: number) => n.toLocaleString('en-GB');

/** Seconds since `t0` (from performance.now()). */
export const since = (t0: number) => (performance.now() - t0) / 1000;
