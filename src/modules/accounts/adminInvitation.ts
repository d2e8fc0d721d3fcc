import { inArray } from 'drizzle-orm';
import type { AppContext } from '../../server/context.ts';
import { recordAudit } from '../audit/recordAudit.ts';
import { units } from '../units/schema.ts';
import type { Actor } from './actor.ts';
import type { Role } from './schema.ts';

const roleNames: Record<Role, string> = {
  member: 'member',
  volunteer: 'volunteer',
  organiser: 'organiser',
  unit_admin: 'unit admin',
  dpo: 'data protection officer',
  national_admin: 'national admin',
};

/**
 * Emails a new or newly granted account an invitation to sign in. It carries no sign-in token:
 * links expire within minutes and invitations are often read days later, so the message points
 * to the sign-in page instead.
 */
export async function sendAccountInvitation(
  ctx: AppContext,
  actor: Actor,
  to: { accountId: string; email: string; displayName: string; grants: { unitId: string; orgId: string; role: Role }[] },
  requestId?: string,
): Promise<void> {
  const names = new Map(
    (await ctx.db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, to.grants.map((g) => g.unitId)))).map((u) => [u.id, u.name]),
  );
  const lines = to.grants.map((g) => `  - ${roleNames[g.role]} in ${names.get(g.unitId) ?? 'a unit'}`);
  await ctx.mailer.send(ctx.db, {
    to: to.email,
    subject: 'You have been given access to Tredegar',
    text:
      `Hello ${to.displayName},\n\n${actor.displayName} has given you access to Tredegar:\n\n${lines.join('\n')}\n\n` +
      `To sign in, go to ${ctx.config.publicUrl}/sign-in and enter this email address. We will send you a one-time link; there is no password.\n\n` +
      'If you were not expecting this, you can ignore this message.\n',
  });
  const first = to.grants[0];
  await recordAudit(ctx.db, {
    actorAccountId: actor.accountId,
    action: 'account.invite',
    entityType: 'account',
    entityId: to.accountId,
    orgId: first?.orgId ?? null,
    unitId: first?.unitId ?? null,
    requestId,
  });
}
