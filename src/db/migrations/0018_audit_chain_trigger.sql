-- Audit entries form one hash chain per organisation (entries without one form the chain keyed
-- by the zero uuid). Each entry's hash covers the previous entry's hash, its position and its
-- whole content, so altering, removing, inserting or reordering entries breaks the chain where
-- it happened. The hash is computed here, in the database, so every writer chains alike.
CREATE FUNCTION audit_entry_hash(prev_hash text, seq bigint, id uuid, org_id uuid, unit_id uuid, actor_account_id uuid, action text, entity_type text, entity_id text, changes jsonb, request_id text, created_at timestamptz)
RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    prev_hash, seq, id, org_id, unit_id, actor_account_id, action, entity_type, entity_id, changes, request_id,
    to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Appends NEW to its chain. The head row is locked until the transaction ends, so concurrent
-- writers to one chain take turns; a restore (which sets tredegar.restoring) keeps the stored links.
CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  IF current_setting('tredegar.restoring', true) = 'on' THEN
    RETURN NEW;
  END IF;
  NEW.chain_key := coalesce(NEW.org_id, '00000000-0000-0000-0000-000000000000'::uuid);
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_chain_heads h WHERE h.chain_key = NEW.chain_key FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_heads (chain_key, seq, hash) VALUES (NEW.chain_key, 0, repeat('0', 64)) ON CONFLICT (chain_key) DO NOTHING;
    SELECT h.seq, h.hash INTO head_seq, head_hash FROM audit_chain_heads h WHERE h.chain_key = NEW.chain_key FOR UPDATE;
  END IF;
  NEW.seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := audit_entry_hash(NEW.prev_hash, NEW.seq, NEW.id, NEW.org_id, NEW.unit_id, NEW.actor_account_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.changes, NEW.request_id, NEW.created_at);
  UPDATE audit_chain_heads SET seq = NEW.seq, hash = NEW.hash, updated_at = now() WHERE chain_key = NEW.chain_key;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- Chain the entries already written, oldest first: hashes are computed one after another, then
-- written in one statement.
DO $$
DECLARE
  r record;
  cur uuid;
  k uuid;
  n bigint := 0;
  prev text := repeat('0', 64);
  h text;
  ids uuid[] := '{}';
  keys uuid[] := '{}';
  seqs bigint[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
BEGIN
  FOR r IN SELECT * FROM audit_events ORDER BY coalesce(org_id, '00000000-0000-0000-0000-000000000000'::uuid), created_at, id LOOP
    k := coalesce(r.org_id, '00000000-0000-0000-0000-000000000000'::uuid);
    IF cur IS DISTINCT FROM k THEN
      IF cur IS NOT NULL THEN
        INSERT INTO audit_chain_heads (chain_key, seq, hash) VALUES (cur, n, prev);
      END IF;
      cur := k;
      n := 0;
      prev := repeat('0', 64);
    END IF;
    n := n + 1;
    h := audit_entry_hash(prev, n, r.id, r.org_id, r.unit_id, r.actor_account_id, r.action, r.entity_type, r.entity_id, r.changes, r.request_id, r.created_at);
    ids := ids || r.id;
    keys := keys || k;
    seqs := seqs || n;
    prevs := prevs || prev;
    hashes := hashes || h;
    prev := h;
  END LOOP;
  IF cur IS NOT NULL THEN
    INSERT INTO audit_chain_heads (chain_key, seq, hash) VALUES (cur, n, prev);
  END IF;
  UPDATE audit_events a SET chain_key = v.k, seq = v.n, prev_hash = v.p, hash = v.h
    FROM unnest(ids, keys, seqs, prevs, hashes) AS v(id, k, n, p, h) WHERE a.id = v.id;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
