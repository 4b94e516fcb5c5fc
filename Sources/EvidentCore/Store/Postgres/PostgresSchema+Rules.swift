extension PostgresSchema {
    /// The first release's rules: the functions and triggers that keep history append-only, cycles
    /// final once closed, actors honest and the audit chain linear, and the privileges of each role.
    static let rules = """
        -- db copy: the administrator (a member of evident_owner, never a lead) may write the rows
        -- of a local workspace with their original actors and times, into an empty store.
        CREATE FUNCTION evident_copying() RETURNS boolean LANGUAGE sql STABLE
            SET search_path = evident, pg_catalog AS $$
            SELECT coalesce(current_setting('evident.copy', true), '') = 'on'
                AND pg_has_role(session_user, 'evident_owner', 'MEMBER')
        $$;

        CREATE FUNCTION evident_append_only() RETURNS trigger LANGUAGE plpgsql
            SET search_path = evident, pg_catalog AS $$
        BEGIN
            IF TG_TABLE_NAME IN ('evidence_file', 'evidence_chunk') AND TG_OP = 'DELETE'
                AND current_user = 'evident_owner'
                AND coalesce(current_setting('evident.purging', true), '') = to_jsonb(OLD) ->> 'digest' THEN
                RETURN OLD;
            END IF;
            RAISE EXCEPTION 'evident: % is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
        END
        $$;

        CREATE FUNCTION evident_no_truncate() RETURNS trigger LANGUAGE plpgsql
            SET search_path = evident, pg_catalog AS $$
        BEGIN
            RAISE EXCEPTION 'evident: % is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
        END
        $$;

        -- The actor column named by the trigger's argument must be the login; the server's own
        -- time is kept beside the client's.
        CREATE FUNCTION evident_actor_is_login() RETURNS trigger LANGUAGE plpgsql
            SET search_path = evident, pg_catalog AS $$
        DECLARE
            claimed text := to_jsonb(NEW) ->> TG_ARGV[0];
        BEGIN
            IF NOT evident_copying() AND claimed IS DISTINCT FROM session_user::text THEN
                RAISE EXCEPTION 'evident: % names % as its actor, but the login is %', TG_TABLE_NAME, claimed, session_user
                    USING ERRCODE = '42501';
            END IF;
            RETURN NEW;
        END
        $$;

        CREATE FUNCTION evident_recorded_now() RETURNS trigger LANGUAGE plpgsql
            SET search_path = evident, pg_catalog AS $$
        BEGIN
            NEW.recorded_at := transaction_timestamp();
            RETURN NEW;
        END
        $$;

        CREATE FUNCTION evident_cycle_is_live(target bigint) RETURNS text LANGUAGE sql STABLE
            SET search_path = evident, pg_catalog AS $$
            SELECT CASE
                WHEN EXISTS (SELECT 1 FROM evident.cycle_abandonment WHERE cycle_id = target) THEN 'abandoned'
                WHEN (SELECT state FROM evident.cycle WHERE id = target) IS DISTINCT FROM 'open' THEN 'closed'
                ELSE 'open' END
        $$;

        -- Whether this transaction has appended an audit entry `wanted` for the cycle (and the evidence).
        CREATE FUNCTION evident_logged_now(wanted text, cycle bigint, evidence bigint) RETURNS boolean LANGUAGE sql STABLE
            SET search_path = evident, pg_catalog AS $$
            SELECT EXISTS (SELECT 1 FROM evident.audit_log
                WHERE action = wanted AND cycle_id = cycle
                    AND (evidence IS NULL OR payload::jsonb ->> 'evidence_id' = evidence::text)
                    AND xmin::text::bigint = txid_current() % 4294967296)
        $$;

        -- Rows of a cycle are added only while it is open (sign-offs: unless it was abandoned).
        CREATE FUNCTION evident_needs_open_cycle() RETURNS trigger LANGUAGE plpgsql
            SET search_path = evident, pg_catalog AS $$
        DECLARE
            state text := evident_cycle_is_live(NEW.cycle_id);
        BEGIN
            IF evident_copying() THEN RETURN NEW; END IF;
            IF state = 'abandoned' THEN RAISE EXCEPTION 'evident: abandoned cycle' USING ERRCODE = 'P0001'; END IF;
            IF state = 'closed' AND TG_TABLE_NAME <> 'signoff' THEN
                RAISE EXCEPTION 'evident: closed cycle' USING ERRCODE = 'P0001';
            END IF;
            RETURN NEW;
        END
        $$;

        CREATE FUNCTION evident_cycle_update() RETURNS trigger LANGUAGE plpgsql
            SET search_path = evident, pg_catalog AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM evident.cycle_abandonment WHERE cycle_id = OLD.id) THEN
                RAISE EXCEPTION 'evident: abandoned cycle' USING ERRCODE = 'P0001';
            END IF;
            IF OLD.state = 'closed' THEN RAISE EXCEPTION 'evident: closed cycle' USING ERRCODE = 'P0001'; END IF;
            IF (NEW.id, NEW.name, NEW.checklist_id, NEW.version_id, NEW.version, NEW.scope, NEW.started_at,
                NEW.started_by, NEW.carried_from_cycle_id)
                IS DISTINCT FROM (OLD.id, OLD.name, OLD.checklist_id, OLD.version_id, OLD.version, OLD.scope,
                OLD.started_at, OLD.started_by, OLD.carried_from_cycle_id)
                OR NEW.state <> 'closed' OR NEW.closed_at IS NULL THEN
                RAISE EXCEPTION 'evident: a cycle only changes by closing' USING ERRCODE = 'P0001';
            END IF;
            IF NOT evident_copying() AND NEW.closed_by IS DISTINCT FROM session_user::text THEN
                RAISE EXCEPTION 'evident: cycle names % as its closer, but the login is %', NEW.closed_by, session_user
                    USING ERRCODE = '42501';
            END IF;
            IF NOT evident_copying() THEN
                IF NOT evident_logged_now('cycle.close', NEW.id, NULL) THEN
                    RAISE EXCEPTION 'evident: a cycle is closed only with its audit entry (evident cycle close)' USING ERRCODE = 'P0001';
                END IF;
                IF EXISTS (SELECT 1 FROM evident.checklist_item i WHERE i.version_id = NEW.version_id
                    AND NOT EXISTS (SELECT 1 FROM evident.review r WHERE r.cycle_id = NEW.id AND r.item_id = i.item_id)) THEN
                    RAISE EXCEPTION 'evident: the cycle still has pending items' USING ERRCODE = 'P0001';
                END IF;
            END IF;
            NEW.recorded_at := OLD.recorded_at;
            RETURN NEW;
        END
        $$;

        CREATE FUNCTION evident_evidence_update() RETURNS trigger LANGUAGE plpgsql
            SET search_path = evident, pg_catalog AS $$
        DECLARE
            state text := evident_cycle_is_live(OLD.cycle_id);
        BEGIN
            IF state = 'abandoned' THEN RAISE EXCEPTION 'evident: abandoned cycle' USING ERRCODE = 'P0001'; END IF;
            IF state = 'closed' THEN RAISE EXCEPTION 'evident: closed cycle' USING ERRCODE = 'P0001'; END IF;
            IF (NEW.id, NEW.cycle_id, NEW.item_id, NEW.kind, NEW.digest, NEW.size, NEW.file_name, NEW.url, NEW.note,
                NEW.redacted, NEW.effective_at, NEW.expires_at, NEW.added_at, NEW.added_by, NEW.carried_from_id,
                NEW.recorded_at)
                IS DISTINCT FROM (OLD.id, OLD.cycle_id, OLD.item_id, OLD.kind, OLD.digest, OLD.size, OLD.file_name,
                OLD.url, OLD.note, OLD.redacted, OLD.effective_at, OLD.expires_at, OLD.added_at, OLD.added_by,
                OLD.carried_from_id, OLD.recorded_at) THEN
                RAISE EXCEPTION 'evident: evidence content never changes' USING ERRCODE = 'P0001';
            END IF;
            IF OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at, NEW.withdrawn_by, NEW.withdraw_reason)
                IS DISTINCT FROM (OLD.withdrawn_at, OLD.withdrawn_by, OLD.withdraw_reason) THEN
                RAISE EXCEPTION 'evident: evidence already withdrawn' USING ERRCODE = 'P0001';
            END IF;
            IF NEW.purged_at IS DISTINCT FROM OLD.purged_at AND (NEW.withdrawn_at IS NULL OR OLD.purged_at IS NOT NULL) THEN
                RAISE EXCEPTION 'evident: only withdrawn evidence is purged, once' USING ERRCODE = 'P0001';
            END IF;
            IF OLD.withdrawn_at IS NULL AND NEW.withdrawn_at IS NOT NULL AND NOT evident_copying()
                AND NEW.withdrawn_by IS DISTINCT FROM session_user::text THEN
                RAISE EXCEPTION 'evident: evidence names % as its withdrawer, but the login is %', NEW.withdrawn_by, session_user
                    USING ERRCODE = '42501';
            END IF;
            IF NOT evident_copying() AND OLD.withdrawn_at IS NULL AND NEW.withdrawn_at IS NOT NULL
                AND NOT evident_logged_now('evidence.withdraw', NEW.cycle_id, NEW.id) THEN
                RAISE EXCEPTION 'evident: evidence is withdrawn only with its audit entry (evident evidence withdraw)' USING ERRCODE = 'P0001';
            END IF;
            IF NOT evident_copying() AND OLD.purged_at IS NULL AND NEW.purged_at IS NOT NULL
                AND NOT evident_logged_now('evidence.purge', NEW.cycle_id, NEW.id) THEN
                RAISE EXCEPTION 'evident: evidence is purged only with its audit entry' USING ERRCODE = 'P0001';
            END IF;
            RETURN NEW;
        END
        $$;

        -- One linear chain: appends wait for each other and must link to the current head.
        CREATE FUNCTION evident_audit_links() RETURNS trigger LANGUAGE plpgsql
            SET search_path = evident, pg_catalog AS $$
        DECLARE
            head_seq bigint;
            head_hash text;
        BEGIN
            PERFORM pg_advisory_xact_lock(\(auditLockKey));
            SELECT seq, hash INTO head_seq, head_hash FROM evident.audit_log ORDER BY seq DESC LIMIT 1;
            IF NEW.seq IS DISTINCT FROM coalesce(head_seq, 0) + 1
                OR NEW.previous_hash IS DISTINCT FROM coalesce(head_hash, repeat('0', 64)) THEN
                RAISE EXCEPTION 'evident: audit entry % does not link to the head of the chain', NEW.seq
                    USING ERRCODE = 'P0001';
            END IF;
            IF NEW.hash !~ '^[0-9a-f]{64}$' THEN
                RAISE EXCEPTION 'evident: audit entry % has no SHA-256 hash', NEW.seq USING ERRCODE = 'P0001';
            END IF;
            RETURN NEW;
        END
        $$;

        -- Deletes a withdrawn, purged file's chunks when no unpurged evidence still names it.
        CREATE FUNCTION evident_purge_file(wanted text) RETURNS boolean LANGUAGE plpgsql
            SECURITY DEFINER SET search_path = evident, pg_catalog AS $$
        BEGIN
            IF EXISTS (SELECT 1 FROM evident.evidence WHERE digest = wanted AND purged_at IS NULL) THEN
                RETURN false;
            END IF;
            PERFORM set_config('evident.purging', wanted, true);
            DELETE FROM evident.evidence_chunk WHERE digest = wanted;
            DELETE FROM evident.evidence_file WHERE digest = wanted;
            PERFORM set_config('evident.purging', '', true);
            RETURN true;
        END
        $$;
        REVOKE ALL ON FUNCTION evident_purge_file(text) FROM PUBLIC;

        CREATE TRIGGER cycle_update BEFORE UPDATE ON cycle FOR EACH ROW EXECUTE FUNCTION evident_cycle_update();
        CREATE TRIGGER cycle_no_delete BEFORE DELETE ON cycle FOR EACH ROW EXECUTE FUNCTION evident_append_only();
        CREATE TRIGGER evidence_update BEFORE UPDATE ON evidence FOR EACH ROW EXECUTE FUNCTION evident_evidence_update();
        CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence FOR EACH ROW EXECUTE FUNCTION evident_append_only();
        CREATE TRIGGER audit_log_links BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION evident_audit_links();

        DO $$
        DECLARE
            name text;
        BEGIN
            FOREACH name IN ARRAY ARRAY['workspace', 'checklist_version', 'checklist_section', 'checklist_item',
                'cycle_target', 'cycle_abandonment', 'review', 'assignment', 'risk_exception', 'signoff', 'audit_log',
                'evidence_file', 'evidence_chunk', 'schema_migration'] LOOP
                EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION evident_append_only()',
                    name || '_append_only', name);
            END LOOP;
            FOREACH name IN ARRAY ARRAY['workspace', 'checklist_version', 'checklist_section', 'checklist_item', 'cycle',
                'cycle_target', 'cycle_abandonment', 'review', 'evidence', 'assignment', 'risk_exception', 'signoff',
                'audit_log', 'evidence_file', 'evidence_chunk', 'schema_migration'] LOOP
                EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION evident_no_truncate()',
                    name || '_no_truncate', name);
            END LOOP;
            FOREACH name IN ARRAY ARRAY['cycle_target', 'cycle_abandonment', 'review', 'evidence', 'assignment',
                'risk_exception', 'signoff'] LOOP
                EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION evident_needs_open_cycle()',
                    name || '_needs_open_cycle', name);
            END LOOP;
            FOREACH name IN ARRAY ARRAY['workspace', 'checklist_version', 'cycle', 'cycle_abandonment', 'review',
                'evidence', 'assignment', 'risk_exception', 'signoff', 'audit_log', 'evidence_file'] LOOP
                EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION evident_recorded_now()',
                    name || '_recorded_now', name);
            END LOOP;
        END
        $$;
        CREATE TRIGGER workspace_actor BEFORE INSERT ON workspace FOR EACH ROW EXECUTE FUNCTION evident_actor_is_login('created_by');
        CREATE TRIGGER checklist_version_actor BEFORE INSERT ON checklist_version FOR EACH ROW EXECUTE FUNCTION evident_actor_is_login('loaded_by');
        CREATE TRIGGER cycle_actor BEFORE INSERT ON cycle FOR EACH ROW EXECUTE FUNCTION evident_actor_is_login('started_by');
        CREATE TRIGGER cycle_abandonment_actor BEFORE INSERT ON cycle_abandonment FOR EACH ROW EXECUTE FUNCTION evident_actor_is_login('actor');
        CREATE TRIGGER review_actor BEFORE INSERT ON review FOR EACH ROW EXECUTE FUNCTION evident_actor_is_login('actor');
        CREATE TRIGGER evidence_actor BEFORE INSERT ON evidence FOR EACH ROW EXECUTE FUNCTION evident_actor_is_login('added_by');
        CREATE TRIGGER assignment_actor BEFORE INSERT ON assignment FOR EACH ROW EXECUTE FUNCTION evident_actor_is_login('actor');
        CREATE TRIGGER risk_exception_actor BEFORE INSERT ON risk_exception FOR EACH ROW EXECUTE FUNCTION evident_actor_is_login('actor');
        CREATE TRIGGER signoff_actor BEFORE INSERT ON signoff FOR EACH ROW EXECUTE FUNCTION evident_actor_is_login('signer');
        CREATE TRIGGER audit_log_actor BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION evident_actor_is_login('actor');

        -- Privileges: leads read and append (and close cycles, withdraw evidence); auditors read.
        GRANT USAGE ON SCHEMA evident TO evident_lead, evident_auditor;
        GRANT SELECT ON ALL TABLES IN SCHEMA evident TO evident_lead, evident_auditor;
        GRANT INSERT ON workspace, checklist_version, checklist_section, checklist_item, cycle, cycle_target,
            cycle_abandonment, review, evidence, assignment, risk_exception, signoff, audit_log,
            evidence_file, evidence_chunk TO evident_lead;
        GRANT UPDATE (state, closed_at, closed_by) ON cycle TO evident_lead;
        GRANT UPDATE (withdrawn_at, withdrawn_by, withdraw_reason, purged_at) ON evidence TO evident_lead;
        GRANT USAGE ON ALL SEQUENCES IN SCHEMA evident TO evident_lead;
        GRANT EXECUTE ON FUNCTION evident_purge_file(text) TO evident_lead;
        """
}
