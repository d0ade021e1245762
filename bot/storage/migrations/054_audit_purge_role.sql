-- The application's own role cannot delete or rewrite audit rows. Migration 050 let any session
-- delete old rows by setting familiestotte.audit_purge_before first, and the bot's role could set
-- it to any date. Now the only way to delete audit rows is purge_audit_log(), a SECURITY DEFINER
-- function owned by the role familiestotte_audit, which refuses a cut-off after now() and never
-- deletes rows younger than audit_purge_policy.min_age.
--
-- Roles (set up here when the migrating role may create roles, i.e. is a superuser or has
-- CREATEROLE; roles belong to the whole server, so a second database finds them made):
--   familiestotte_app    NOLOGIN. The bot's login role is made a member by the operator. It may
--                        read and write the case tables, only read and append to the audit log,
--                        and call purge_audit_log().
--   familiestotte_audit  NOLOGIN. Owns purge_audit_log() and is the only role allowed DELETE on
--                        the audit log, and that only while the function runs.
-- The migrating role (the tables' owner) is trusted: an owner can always drop a trigger.
-- On PGlite there is one user, a superuser, so the roles protect nothing there; what holds is the
-- trigger below: a DELETE or UPDATE that does not come through purge_audit_log() is refused.
DO $$
DECLARE
  may_create boolean := (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user);
  role_name text;
BEGIN
  IF may_create THEN
    FOREACH role_name IN ARRAY ARRAY['familiestotte_app', 'familiestotte_audit'] LOOP
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
        BEGIN
          EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
        -- Another database on the same server migrating at the same moment made it first.
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
      END IF;
    END LOOP;
  END IF;
END;
$$;

-- The shortest time an audit row is kept, whatever the caller asks. Only the owner may change it
-- (UPDATE audit_purge_policy SET min_age = interval '3653 days'); see the deployment guide.
CREATE TABLE audit_purge_policy (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  min_age   interval NOT NULL CHECK (min_age >= interval '1 day')
);
INSERT INTO audit_purge_policy (min_age) VALUES (interval '1 day');

-- Names are qualified with the schema the migrations run in, so a caller's search_path (or a
-- temporary table of the same name) cannot point the definer's function elsewhere.
DO $$
DECLARE
  s text := quote_ident(current_schema());
BEGIN
  EXECUTE format($f$
    CREATE FUNCTION %1$s.purge_audit_log(p_tenant text, p_before timestamptz)
      RETURNS TABLE (deleted integer, purged_before timestamptz)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$
    DECLARE
      allowed timestamptz := now() - (SELECT min_age FROM %1$s.audit_purge_policy);
      cut_off timestamptz;
      n integer;
    BEGIN
      IF p_tenant IS NULL OR p_before IS NULL THEN
        RAISE EXCEPTION 'purge_audit_log: tenant and cut-off are required' USING ERRCODE = 'null_value_not_allowed';
      END IF;
      -- A cut-off in the future means someone asked to delete what must still be kept.
      IF p_before > now() THEN
        RAISE EXCEPTION 'purge_audit_log: cut-off %% is after now (%%)', p_before, now() USING ERRCODE = 'invalid_parameter_value';
      END IF;
      -- A cut-off inside the policy's minimum age is honoured only as far as the minimum allows.
      cut_off := least(p_before, allowed);
      PERFORM set_config('familiestotte.audit_purge_running', 'on', true);
      DELETE FROM %1$s.audit_log WHERE tenant_id = p_tenant AND at < cut_off;
      GET DIAGNOSTICS n = ROW_COUNT;
      PERFORM set_config('familiestotte.audit_purge_running', '', true);
      RETURN QUERY SELECT n, cut_off;
    END;
    $body$;

    -- Belt and braces beside the privileges: a row DELETE passes only inside purge_audit_log()
    -- (run as the function's owner, with its marker set); UPDATE and TRUNCATE never.
    CREATE OR REPLACE FUNCTION %1$s.refuse_audit_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $body$
    BEGIN
      IF TG_OP = 'DELETE'
         AND current_setting('familiestotte.audit_purge_running', true) = 'on'
         AND current_user = (SELECT proowner::regrole::text FROM pg_proc
                              WHERE oid = '%1$s.purge_audit_log(text, timestamptz)'::regprocedure) THEN
        RETURN OLD;
      END IF;
      RAISE EXCEPTION '%% is append-only: %% refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
    END;
    $body$;
  $f$, s);
END;
$$;

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

REVOKE ALL ON FUNCTION purge_audit_log(text, timestamptz) FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
REVOKE ALL ON audit_purge_policy FROM PUBLIC;

DO $$
DECLARE
  s text := quote_ident(current_schema());
  me text := current_user;
  is_super boolean := (SELECT rolsuper FROM pg_roles WHERE rolname = current_user);
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'familiestotte_audit') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA %s TO familiestotte_audit', s);
    GRANT SELECT, DELETE ON audit_log TO familiestotte_audit;
    GRANT SELECT ON audit_purge_policy TO familiestotte_audit;
    -- Handing a function to another role needs membership in it and its CREATE on the schema; a
    -- superuser needs neither. A CREATEROLE owner (a managed server's admin) takes both for the
    -- moment and gives them back.
    BEGIN
      IF NOT is_super THEN
        EXECUTE format('GRANT familiestotte_audit TO %I', me);
        EXECUTE format('GRANT CREATE ON SCHEMA %s TO familiestotte_audit', s);
      END IF;
      ALTER FUNCTION purge_audit_log(text, timestamptz) OWNER TO familiestotte_audit;
      -- The migrating role keeps calling it (operator commands run as the owner); the grant is the
      -- new owner's to give.
      EXECUTE 'SET ROLE familiestotte_audit';
      EXECUTE format('GRANT EXECUTE ON FUNCTION purge_audit_log(text, timestamptz) TO %I', me);
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'familiestotte_app') THEN
        GRANT EXECUTE ON FUNCTION purge_audit_log(text, timestamptz) TO familiestotte_app;
      END IF;
      EXECUTE 'RESET ROLE';
      IF NOT is_super THEN
        EXECUTE format('REVOKE CREATE ON SCHEMA %s FROM familiestotte_audit', s);
        EXECUTE format('REVOKE familiestotte_audit FROM %I', me);
      END IF;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE WARNING 'purge_audit_log stays owned by %: % (see the deployment guide, audit log)', me, SQLERRM;
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'familiestotte_app') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA %s TO familiestotte_app', s);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %s TO familiestotte_app', s);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %s TO familiestotte_app', s);
    -- Tables and sequences later migrations create (as this same owner) get the same grants.
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO familiestotte_app', s);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %s GRANT USAGE, SELECT ON SEQUENCES TO familiestotte_app', s);
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM familiestotte_app;
    REVOKE INSERT, UPDATE, DELETE ON audit_purge_policy FROM familiestotte_app;
    IF to_regclass('schema_migrations') IS NOT NULL THEN
      REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM familiestotte_app;
    END IF;
    -- Granted above by its new owner, unless the function stayed with the migrating role.
    IF (SELECT proowner::regrole::text FROM pg_proc WHERE oid = 'purge_audit_log(text, timestamptz)'::regprocedure) = me THEN
      GRANT EXECUTE ON FUNCTION purge_audit_log(text, timestamptz) TO familiestotte_app;
    END IF;
  END IF;
END;
$$;
