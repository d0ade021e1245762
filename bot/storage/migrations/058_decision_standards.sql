-- Which standard decided: every decision names the standard file's id, version and content hash,
-- and the standard itself is kept here by its hash, so an old case can be shown and reviewed
-- under the version it was decided under after the municipality's file has been replaced (a file
-- on disk can be edited or deleted; the database is backed up with the decisions it explains).
-- Not personal data: a standard is the municipality's published rules. Rows are never changed.
CREATE TABLE standards (
  tenant_id      text        NOT NULL,
  content_hash   text        NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  standard_id    text        NOT NULL,
  version        text        NOT NULL,
  content        jsonb       NOT NULL,
  first_used_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, content_hash)
);

CREATE TRIGGER standards_append_only BEFORE UPDATE ON standards
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

-- NULL on the decisions made before this migration: those were all made under the seed standard,
-- whose hash was not recorded then.
ALTER TABLE decisions
  ADD COLUMN standard_id      text,
  ADD COLUMN standard_version text,
  ADD COLUMN standard_hash    text,
  ADD CONSTRAINT decisions_standard_fk FOREIGN KEY (tenant_id, standard_hash) REFERENCES standards (tenant_id, content_hash),
  ADD CONSTRAINT decisions_standard_all_or_none CHECK ((standard_id IS NULL) = (standard_hash IS NULL) AND (standard_id IS NULL) = (standard_version IS NULL));
