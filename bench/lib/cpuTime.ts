import { readFileSync } from 'node:fs';
import type { Database } from '../../src/db/connection.ts';

// Other work shares this machine's two cores, so wall time alone can mislead: CPU seconds
// spent by this process and by its PostgreSQL backends are recorded beside it.
const TICKS = 100; // USER_HZ on Linux

/** utime + stime of a process in seconds (0 when it is gone). */
export function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS;
  } catch {
    return 0;
  }
}

/** PIDs of the server processes serving connections to this database. */
async function backendPids(database: Database): Promise<number[]> {
  const rows = await database.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
  return rows.map((r) => r.pid);
}

export interface CpuSample {
  node: number;
  postgres: number;
}

/** Starts counting CPU; the returned function gives the seconds used since, by Node and by the backends. */
export async function cpuMeter(database: Database | null): Promise<() => Promise<CpuSample>> {
  const node0 = process.cpuUsage();
  const pg0 = new Map<number, number>();
  if (database?.kind === 'postgres') for (const pid of await backendPids(database)) pg0.set(pid, processCpuSeconds(pid));
  return async () => {
    const n = process.cpuUsage(node0);
    let postgres = 0;
    if (database?.kind === 'postgres') {
      for (const pid of await backendPids(database)) postgres += processCpuSeconds(pid) - (pg0.get(pid) ?? 0);
    }
    return { node: (n.user + n.system) / 1e6, postgres };
  };
}
