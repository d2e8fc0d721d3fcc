-- Entries are now linked into their chain when the transaction commits, not when they are
-- inserted. Linking locks the chain's head until commit; taken at insert, that lock sat in the
-- middle of a transaction, so two transactions of one organisation could each hold a lock the
-- other needed (one the chain head, the other a new issue's key) and deadlock. Taken in a
-- deferred trigger it is the last lock a transaction asks for, and it is held only for the
-- commit itself. On insert an entry only gets its chain key; until its transaction commits it
-- has position 0 and no hash, and nothing outside that transaction can see it.
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('tredegar.restoring', true) = 'on' THEN
    RETURN NEW;
  END IF;
  NEW.chain_key := coalesce(NEW.org_id, '00000000-0000-0000-0000-000000000000'::uuid);
  NEW.seq := 0;
  NEW.prev_hash := '';
  NEW.hash := '';
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- Links one entry at commit, in the order its transaction inserted them.
CREATE FUNCTION audit_events_seal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  new_hash text;
BEGIN
  IF current_setting('tredegar.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_chain_heads h WHERE h.chain_key = NEW.chain_key FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_heads (chain_key, seq, hash) VALUES (NEW.chain_key, 0, repeat('0', 64)) ON CONFLICT (chain_key) DO NOTHING;
    SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_chain_heads h WHERE h.chain_key = NEW.chain_key FOR UPDATE;
  END IF;
  UPDATE audit_events a SET seq = head_seq + 1, prev_hash = head_hash,
      hash = audit_entry_hash(head_hash, head_seq + 1, a.id, a.org_id, a.unit_id, a.actor_account_id, a.action, a.entity_type, a.entity_id, a.changes, a.request_id, a.created_at)
    WHERE a.id = NEW.id
    RETURNING a.hash INTO new_hash;
  UPDATE audit_chain_heads SET seq = head_seq + 1, hash = new_hash, updated_at = now() WHERE chain_key = NEW.chain_key;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER audit_events_seal AFTER INSERT ON audit_events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_events_seal();
