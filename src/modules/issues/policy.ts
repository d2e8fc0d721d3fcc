import type { Actor } from '../accounts/actor.ts';
import type { Permission } from '../accounts/permissions.ts';
import { orgsWith, resolveOrg } from '../people/orgScope.ts';

/** Permissions that let someone see an organisation's issue taxonomy. */
export const taxonomyReaders: readonly Permission[] = ['conversations.log', 'conversations.read', 'issues.manage'];

/** The organisation whose taxonomy a request reads (404 for one the caller has no part in). */
export const taxonomyOrg = (actor: Actor, orgId?: string) => resolveOrg(actor, taxonomyReaders, orgId);

/** The organisation a proposal is for: anyone who logs conversations may propose. */
export const proposalOrg = (actor: Actor, orgId?: string) => resolveOrg(actor, ['conversations.log', 'issues.manage'], orgId);

/** The organisation whose taxonomy a request changes: organisers and admins only. */
export const managedOrg = (actor: Actor, orgId?: string) => resolveOrg(actor, ['issues.manage'], orgId);

/** True when the actor decides on issues in `orgId`. */
export const managesIssues = (actor: Actor, orgId: string) => orgsWith(actor, ['issues.manage']).includes(orgId);

/** True when the actor may see the taxonomy of `orgId` at all. */
export const readsTaxonomy = (actor: Actor, orgId: string) => orgsWith(actor, taxonomyReaders).includes(orgId);
