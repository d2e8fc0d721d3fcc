import type { Db } from '../../db/connection.ts';
import { validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import type { ElectionData } from '../elections/queries.ts';
import { organisingBySeat, recordsDescription } from './organisingSources.ts';

/**
 * The seats that count as organised in Tredegar's records from `since` up to polling day of the
 * later election (organising after it cannot have changed it), with the words that explain it.
 */
export async function organisedFromRecords(db: Db, actor: Actor, to: ElectionData, since: string, minActivity = 1) {
  if (since > to.election.heldOn) throw validationFailed(`Activity since ${since} is after polling day of "${to.election.name}" (${to.election.heldOn}).`, [{ path: 'activitySince', message: 'After the election' }]);
  const window = { since, until: to.election.heldOn };
  const rows = await organisingBySeat(db, actor, to.seats.map((s) => s.code), window, minActivity);
  const codes = rows.filter((r) => r.organised).map((r) => r.code);
  if (codes.length === 0) {
    throw validationFailed(
      `No seat counts as organised in Tredegar's records between ${since} and ${to.election.heldOn} (polling day of "${to.election.name}"). ` +
        'Give a list of organised seats instead, or choose an election after the organising was recorded.',
      [{ path: 'activitySince', message: 'No organised seats in the records' }],
    );
  }
  return { codes, description: recordsDescription(window, minActivity) };
}
