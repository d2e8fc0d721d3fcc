import type { Db } from '../../db/connection.ts';
import { recordAudit, type AuditEntry } from '../audit/recordAudit.ts';

/**
 * Collects the special category data one request is about to return, then writes the audit in
 * one insert: a row per person read about (so "who read what about this person" is one index
 * lookup), naming the conversations. Flush before sending the response: no audit, no data.
 */
export class SensitiveReads {
  private readonly byPerson = new Map<string, { orgId: string; unitId: string; conversations: Set<string>; what: Set<string> }>();

  constructor(private readonly accountId: string, private readonly requestId?: string) {}

  /** Notes that `personIds` were read about in conversation `conversationId` (`what`: notes, issues, assessments). */
  add(personIds: string[], conversationId: string, orgId: string, unitId: string, what: string[]): void {
    for (const personId of personIds) {
      const entry = this.byPerson.get(personId) ?? { orgId, unitId, conversations: new Set<string>(), what: new Set<string>() };
      entry.conversations.add(conversationId);
      for (const w of what) entry.what.add(w);
      this.byPerson.set(personId, entry);
    }
  }

  get size(): number {
    return this.byPerson.size;
  }

  /** Writes the collected reads (nothing when none). */
  async flush(db: Db): Promise<void> {
    const entries: AuditEntry[] = [...this.byPerson].map(([personId, e]) => ({
      actorAccountId: this.accountId === 'system' ? null : this.accountId,
      action: 'conversation.read_sensitive',
      entityType: 'person',
      entityId: personId,
      orgId: e.orgId,
      unitId: e.unitId,
      changes: { conversations: [...e.conversations].sort(), fields: [...e.what].sort() },
      requestId: this.requestId ?? null,
    }));
    this.byPerson.clear();
    await recordAudit(db, entries);
  }
}
