import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.ts';
import { arrayParam } from '../../db/arrayParam.ts';
import { execute } from '../../db/execute.ts';
import { AppError, validationFailed } from '../../server/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { pickableAccountSql, qualifyingGrantSql } from '../accounts/pickableAccounts.ts';
import type { FieldError } from '../custom-fields/validateCustomFields.ts';
import { openCsv, type CsvRow } from '../imports/readCsv.ts';
import { normaliseEmail, normalisePhone } from '../people/normalise.ts';
import type { LogConversationInput } from './inputs.ts';
import { logConversationBody } from './inputs.ts';
import { logConversation } from './logConversation.ts';
import { sheetColumnOf } from './paperErrors.ts';
import { derivedPersonId } from './checkParticipants.ts';
import { mapPaperColumns } from './paperColumns.ts';
import { readPaperRow, type PaperRow } from './paperRow.ts';
import { prepareConversation } from './prepareConversation.ts';

export interface PaperImportOptions {
  path: string;
  /** The organisation's root, or the unit new people go into (--unit). */
  unit: { id: string; orgId: string; path: string };
  /** Whether `unit` was named: new people go there; otherwise into the organiser's only unit. */
  unitGiven: boolean;
  actor: Actor;
  dryRun?: boolean;
  onStart?: (info: { columns: string[]; totalRows: number }) => void;
  onProgress?: (done: number) => void;
  onRowError?: (row: number, errors: FieldError[], cells: string[]) => void | Promise<void>;
}

export interface PaperImportResult {
  totalRows: number;
  created: number;
  alreadyImported: number;
  errors: number;
}

/** A row's conversation id: the same row of the same organisation always gives the same id, so a re-run adds nothing. */
function rowId(orgId: string, cells: string[]): string {
  const h = createHash('sha256').update(`${orgId}\n${cells.map((c) => c.trim()).join('\u001f')}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${'89ab'[parseInt(h[16]!, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function readAll(path: string): Promise<{ columns: string[]; rows: (CsvRow | { row: number; problem: string })[] }> {
  const csv = await openCsv(createReadStream(path));
  const rows: (CsvRow | { row: number; problem: string })[] = [];
  for await (const r of csv.rows) rows.push(r);
  return { columns: csv.columns, rows };
}

/**
 * Accounts by lower-case email among those the importing actor may pick to log with in the
 * organisation (for the command line's system actor: every active account holding
 * conversations.log somewhere in it), with the units they log in, in one query.
 */
async function organisersByEmail(db: Db, actor: Actor, orgId: string, emails: string[]) {
  const list = [...new Set(emails.filter(Boolean))];
  if (list.length === 0) return new Map<string, { id: string; unitIds: string[] }>();
  const inOrg = sql`u.org_id = ${orgId}`;
  const rows = await execute<{ id: string; email: string; unit_ids: string[] }>(db, sql`
    select a.id, lower(a.email) as email,
      array(select distinct g.unit_id from role_grants g join units u on u.id = g.unit_id where g.account_id = a.id and ${qualifyingGrantSql(actor, 'log')} and ${inOrg}) as unit_ids
    from accounts a
    where lower(a.email) = any(${arrayParam(list)}::text[]) and ${pickableAccountSql(actor, 'log', inOrg)}`);
  return new Map(rows.map((r) => [r.email, { id: r.id, unitIds: r.unit_ids }]));
}

/** Live people of the organisation by normalised email and phone, in one query (first recorded wins). */
async function peopleByContact(db: Db, orgId: string, keys: string[]) {
  const out = new Map<string, string>();
  if (keys.length === 0) return out;
  const rows = await execute<{ k: string; person_id: string }>(db, sql`
    select cp.kind || ':' || cp.normalised as k, cp.person_id from contact_points cp join people p on p.id = cp.person_id
    where cp.org_id = ${orgId} and p.deleted_at is null and (cp.kind || ':' || cp.normalised) = any(${arrayParam([...new Set(keys)])}::text[])
    order by p.created_at, p.id`);
  for (const r of rows) if (!out.has(r.k)) out.set(r.k, r.person_id);
  return out;
}

const contactKeys = (r: PaperRow) => [
  ...(r.email && normaliseEmail(r.email) ? [`email:${normaliseEmail(r.email)}`] : []),
  ...(r.phone && normalisePhone(r.phone) ? [`phone:${normalisePhone(r.phone)}`] : []),
];

/**
 * Imports conversation sheets typed up from paper. Each row is one conversation in its own
 * transaction: the person is matched by email, then phone, or created; issues are matched to
 * the taxonomy by their words (or proposed); problems are reported per row and the rest go on.
 * A re-run of the same file adds nothing. A dry run checks every row and writes nothing.
 */
export async function importConversations(db: Db, opts: PaperImportOptions): Promise<PaperImportResult> {
  const { columns, rows } = await readAll(opts.path);
  const { map, problems } = mapPaperColumns(columns);
  if (problems.length > 0) throw validationFailed(problems.join(' '), problems.map((message) => ({ path: 'file', message })));
  opts.onStart?.({ columns, totalRows: rows.length });
  const orgId = opts.unit.orgId;

  const parsed = rows.map((r) => ('problem' in r ? { n: r.row, cells: [] as string[], errors: [{ path: 'row', message: r.problem }] } : { n: r.row, cells: r.cells, ...readPaperRow(r.cells, map) }));
  const ok = parsed.flatMap((p) => ('row' in p ? [p.row] : []));
  const [organisers, known, existing] = await Promise.all([
    organisersByEmail(db, opts.actor, orgId, ok.map((r) => r.organiserEmail)),
    peopleByContact(db, orgId, ok.flatMap(contactKeys)),
    execute<{ id: string }>(db, sql`select id from conversations where id = any(${arrayParam(parsed.map((p) => rowId(orgId, p.cells)))}::uuid[])`),
  ]);
  const done = new Set(existing.map((e) => e.id));
  const result: PaperImportResult = { totalRows: rows.length, created: 0, alreadyImported: 0, errors: 0 };

  const fail = async (n: number, cells: string[], errors: FieldError[]) => {
    result.errors++;
    await opts.onRowError?.(n, errors, cells);
  };
  for (const [i, p] of parsed.entries()) {
    opts.onProgress?.(i);
    if (!('row' in p)) {
      await fail(p.n, p.cells, p.errors);
      continue;
    }
    const id = rowId(orgId, p.cells);
    if (done.has(id)) {
      result.alreadyImported++;
      continue;
    }
    const r = p.row;
    const organiser = organisers.get(r.organiserEmail);
    if (!organiser) {
      await fail(p.n, p.cells, [{ path: 'organiser', message: `No account "${r.organiserEmail}" logs conversations in this organisation.` }]);
      continue;
    }
    const personId = contactKeys(r).map((k) => known.get(k)).find(Boolean);
    if (!personId && !r.firstName) {
      await fail(p.n, p.cells, [{ path: 'name', message: 'This person is not known by email or phone: give their name to add them.' }]);
      continue;
    }
    const unitId = personId ? undefined : opts.unitGiven ? opts.unit.id : organiser.unitIds.length === 1 ? organiser.unitIds[0] : undefined;
    const contacts = [...(r.email ? [{ kind: 'email' as const, value: r.email }] : []), ...(r.phone ? [{ kind: 'phone' as const, value: r.phone }] : [])];
    const body = logConversationBody.safeParse({
      id, unitId, kind: r.kind, outcome: r.outcome, occurredAt: r.occurredAt, durationMinutes: r.durationMinutes,
      people: [personId ?? { firstName: r.firstName, lastName: r.lastName, contacts, postcode: r.postcode }],
      issues: r.issues.map((text) => ({ text })),
      notes: { story: r.story, selfInterest: r.selfInterest },
      commitments: r.commitment ? [r.commitment] : [],
      followUps: r.followUp ? [r.followUp] : [],
    });
    if (!body.success) {
      await fail(p.n, p.cells, body.error.issues.map((e) => ({ path: sheetColumnOf(e.path.join('.')), message: e.message })));
      continue;
    }
    const input: LogConversationInput = body.data;
    try {
      if (opts.dryRun) await prepareConversation(db, opts.actor, input, { source: 'paper', createdBy: organiser.id });
      else {
        await logConversation(db, opts.actor, input, { source: 'paper', createdBy: organiser.id });
        // People added by this row are found by later rows of the same file.
        if (!personId) for (const k of contactKeys(r)) known.set(k, derivedPersonId(id, 0));
      }
      result.created++;
      done.add(id);
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const details = Array.isArray(err.details) ? (err.details as FieldError[]) : [{ path: 'row', message: err.message }];
      await fail(p.n, p.cells, details.length > 0 ? details.map((d) => ({ path: sheetColumnOf(d.path), message: d.message })) : [{ path: 'row', message: err.message }]);
    }
  }
  opts.onProgress?.(parsed.length);
  return result;
}
