import type { Actor } from './actor.ts';

/** Stands in for an account where the system acts; never written anywhere (see auditActorId). */
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/**
 * The actor for work the system does itself (the command line, seeding, setting up an
 * organisation): every permission on one organisation, from its root unit down. What it does
 * is audited with no account.
 */
export function systemActor(root: { orgId: string; path: string }, displayName = 'Command line'): Actor {
  const rootId = root.path.split('/')[1]!;
  return { accountId: NO_ACCOUNT, email: 'system', displayName, via: 'system', grants: [{ unitId: rootId, unitPath: `/${rootId}/`, orgId: root.orgId, role: 'national_admin' }] };
}

/** The account an audit row or a "by" column records for an actor: none for the system. */
export const auditActorId = (actor: Actor): string | null => (actor.via === 'system' ? null : actor.accountId);
