import type { Db } from '../../db/connection.ts';
import type { BackupHeader } from './backupFormat.ts';

/**
 * Work that must surround every restore, inside the restore's own transaction. This is where the
 * erasure log is replayed (data-protection requirement P9): people erased after the backup was
 * taken must stay erased once it is restored. The log to replay is the one in the database
 * being replaced, not the older one in the file, so a hook first `keep`s what it needs before
 * the tables are emptied, then `replay`s it once the backup is loaded. The erasure module
 * registers itself with `onRestore`, in a module imported by `restoreBackup.ts`.
 */
export interface RestoreHook<T = unknown> {
  name: string;
  keep(tx: Db): Promise<T>;
  replay(tx: Db, kept: T, header: BackupHeader): Promise<void>;
}

const hooks: RestoreHook[] = [];

export function onRestore<T>(hook: RestoreHook<T>): void {
  if (!hooks.some((h) => h.name === hook.name)) hooks.push(hook as RestoreHook);
}

/** Runs every hook's `keep` before the tables are replaced; hand the result to `replayAfterRestore`. */
export async function keepBeforeRestore(tx: Db): Promise<{ hook: RestoreHook; kept: unknown }[]> {
  const out: { hook: RestoreHook; kept: unknown }[] = [];
  for (const hook of hooks) out.push({ hook, kept: await hook.keep(tx) });
  return out;
}

/** Replays what each hook kept, in registration order; returns their names for the report. */
export async function replayAfterRestore(tx: Db, kept: { hook: RestoreHook; kept: unknown }[], header: BackupHeader): Promise<string[]> {
  for (const k of kept) await k.hook.replay(tx, k.kept, header);
  return kept.map((k) => k.hook.name);
}
