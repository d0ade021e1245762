-- Retention of the audit log itself. The log stays append-only for everyone, except the retention
-- run, which may delete rows older than its cut-off: it states the cut-off for its own transaction
-- (set_config('familiestotte.audit_purge_before', …, true)) and the trigger lets only rows from
-- before that go. A mistaken DELETE anywhere else is still refused.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  purge_before text := current_setting('familiestotte.audit_purge_before', true);
BEGIN
  IF TG_OP = 'DELETE' AND purge_before IS NOT NULL AND purge_before <> '' AND OLD.at < purge_before::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;

DROP TRIGGER audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

-- Retention finds old audit rows by time across the tenant.
CREATE INDEX audit_log_at_idx ON audit_log (tenant_id, at);
