-- Core tables. The tenant (the municipality's Entra tenant id) leads every primary key so the
-- tables can later be distributed by tenant (Citus), and every query filters by it.
-- No CPR numbers and no children's names are stored: a case is known by the municipality's
-- case reference and a pseudonym or initials.

CREATE TABLE cases (
  tenant_id        text        NOT NULL,
  case_id          uuid        NOT NULL,
  reference        text        NOT NULL,
  child_pseudonym  text        NOT NULL,
  team_id          text        NOT NULL,
  channel          text,
  caseworker_id    text        NOT NULL,
  caseworker_name  text        NOT NULL,
  status           text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  start_date       date,
  facts            jsonb       NOT NULL,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  closed_at        timestamptz,
  PRIMARY KEY (tenant_id, case_id),
  UNIQUE (tenant_id, reference),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
-- "My cases" and "the team's cases", open ones first in practice.
CREATE INDEX cases_caseworker_idx ON cases (tenant_id, caseworker_id, status);
CREATE INDEX cases_team_idx ON cases (tenant_id, team_id, status);
-- Retention: closed cases by when they were closed.
CREATE INDEX cases_closed_idx ON cases (tenant_id, closed_at) WHERE status = 'closed';

-- Append-only: a new decision supersedes the previous one, which stays as history.
CREATE TABLE decisions (
  tenant_id            text        NOT NULL,
  case_id              uuid        NOT NULL,
  decision_id          uuid        NOT NULL,
  seq                  bigint      GENERATED ALWAYS AS IDENTITY,
  recommended          jsonb       NOT NULL,
  recommended_outcome  text        NOT NULL,
  chosen_outcome       text        NOT NULL,
  chosen_variant       text        CHECK (chosen_variant IN ('1A', '1B')),
  override_reason      text,
  decided_by           text        NOT NULL,
  decided_at           timestamptz NOT NULL,
  parameter_set        text        NOT NULL,
  PRIMARY KEY (tenant_id, case_id, decision_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, case_id) ON DELETE CASCADE
);
-- Current decision and history of one case, newest first.
CREATE INDEX decisions_case_idx ON decisions (tenant_id, case_id, seq DESC);

-- Where the bot can post: saved when it is installed, inactivated when it is removed.
CREATE TABLE conversation_refs (
  tenant_id        text        NOT NULL,
  conversation_id  text        NOT NULL,
  service_url      text        NOT NULL,
  kind             text        NOT NULL CHECK (kind IN ('personal', 'channel', 'groupChat')),
  team_id          text,
  team_name        text,
  channel_id       text,
  channel_name     text,
  user_id          text,
  active           boolean     NOT NULL DEFAULT true,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, conversation_id)
);
CREATE INDEX conversation_refs_team_idx ON conversation_refs (tenant_id, team_id) WHERE active;

-- An intake interview in progress, so any instance can take the next turn.
CREATE TABLE intake_drafts (
  tenant_id        text        NOT NULL,
  user_id          text        NOT NULL,
  draft_id         uuid        NOT NULL,
  conversation_id  text        NOT NULL,
  step             text        NOT NULL,
  answers          jsonb       NOT NULL,
  version          integer     NOT NULL,
  updated_at       timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, user_id, draft_id)
);
CREATE INDEX intake_drafts_conversation_idx ON intake_drafts (tenant_id, user_id, conversation_id, updated_at DESC);
CREATE INDEX intake_drafts_updated_idx ON intake_drafts (tenant_id, updated_at);

-- Who read or wrote which case, when, from where. Details never hold personal data.
-- No foreign key to cases: the log outlives a case deleted for retention.
CREATE TABLE audit_log (
  tenant_id  text        NOT NULL,
  audit_id   bigint      GENERATED ALWAYS AS IDENTITY,
  at         timestamptz NOT NULL DEFAULT now(),
  actor_id   text        NOT NULL,
  action     text        NOT NULL,
  case_id    uuid,
  origin     text        NOT NULL,
  details    jsonb       NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (tenant_id, audit_id)
);
CREATE INDEX audit_log_case_idx ON audit_log (tenant_id, case_id, audit_id) WHERE case_id IS NOT NULL;

-- History is not rewritten: decisions and the audit log refuse UPDATE, the audit log refuses
-- DELETE. (Decisions do go when their case is deleted for retention, through the cascade.)
CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END;
$$;
CREATE TRIGGER decisions_append_only BEFORE UPDATE ON decisions
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
