-- Case plans and the reviews held against them. A plan is versioned: a change writes a new
-- version (who, when, which fields), the old ones stay. Reviews, their goal progress and the
-- plan versions are history and refuse UPDATE; they go only with their case (retention).
-- Free text holds neither CPR numbers nor names (checked at the edge and before the insert);
-- the Visitation Social contact is a role, never a person.

CREATE TABLE plans (
  tenant_id                text        NOT NULL,
  case_id                  uuid        NOT NULL,
  version                  integer     NOT NULL CHECK (version >= 1),
  purpose                  text        NOT NULL CHECK (length(purpose) BETWEEN 1 AND 1000),
  duration_value           integer     NOT NULL CHECK (duration_value >= 1),
  duration_unit            text        NOT NULL CHECK (duration_unit IN ('weeks', 'months')),
  focus_points             text[]      NOT NULL DEFAULT '{}',
  tasks                    text[]      NOT NULL DEFAULT '{}',
  referral_source          text        NOT NULL
                           CHECK (referral_source IN ('health-visitor', 'daycare', 'gp', 'midwife', 'family', 'other')),
  referral_note            text        CHECK (length(referral_note) <= 80),
  daycare_start            date,
  daycare_kind             text        CHECK (daycare_kind IN ('nursery', 'kindergarten')),
  visitation_social        boolean     NOT NULL,
  visitation_contact_role  text
                           CHECK (visitation_contact_role IN ('caseworker', 'housing-support', 'contact-person', 'treatment', 'other')),
  -- Which fields differ from the previous version; {created} for the first.
  changed                  text[]      NOT NULL,
  changed_by               text        NOT NULL,
  changed_at               timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, case_id, version),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, case_id) ON DELETE CASCADE,
  CHECK ((daycare_start IS NULL) = (daycare_kind IS NULL)),
  CHECK (visitation_social = (visitation_contact_role IS NOT NULL)),
  CHECK (referral_note IS NULL OR referral_source = 'other')
);

-- The goals of each plan version. A goal keeps its id across versions, so its progress over
-- time follows the goal even when others are added, removed or reordered.
CREATE TABLE plan_goals (
  tenant_id            text     NOT NULL,
  case_id              uuid     NOT NULL,
  version              integer  NOT NULL,
  goal_id              uuid     NOT NULL,
  position             smallint NOT NULL CHECK (position BETWEEN 1 AND 5),
  text                 text     NOT NULL CHECK (length(text) BETWEEN 1 AND 300),
  agreed_with_parents  boolean  NOT NULL,
  progress_sign        text     NOT NULL CHECK (length(progress_sign) BETWEEN 1 AND 300),
  PRIMARY KEY (tenant_id, case_id, version, goal_id),
  UNIQUE (tenant_id, case_id, version, position),
  FOREIGN KEY (tenant_id, case_id, version) REFERENCES plans (tenant_id, case_id, version) ON DELETE CASCADE
);

CREATE TABLE plan_reviews (
  tenant_id            text        NOT NULL,
  case_id              uuid        NOT NULL,
  review_id            uuid        NOT NULL,
  seq                  bigint      GENERATED ALWAYS AS IDENTITY,
  plan_version         integer     NOT NULL,
  review_date          date        NOT NULL,
  decision             text        NOT NULL CHECK (decision IN ('continue', 'change-level', 'extend', 'close', 'escalate')),
  note                 text        CHECK (length(note) <= 500),
  -- The decision that stood when the review was held, and the one it added (level change or new
  -- grant) beside it; decisions themselves are append-only.
  decision_id          uuid        NOT NULL,
  new_decision_id      uuid,
  -- The facts the new decision was made on (the case's own facts stay as the intake gave them).
  new_facts            jsonb,
  -- Closing a preventive course: age-appropriate at the start in daycare, and the follow-up at 3.
  age_appropriate      text        CHECK (age_appropriate IN ('yes', 'no', 'unknown')),
  follow_up_at_three   date,
  escalation           text,
  next_review_due      date,
  next_review_kind     text,
  next_review_passage  text,
  next_review_text     text,
  reviewed_by          text        NOT NULL,
  reviewed_at          timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, case_id, review_id),
  FOREIGN KEY (tenant_id, case_id, plan_version) REFERENCES plans (tenant_id, case_id, version) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, case_id, decision_id) REFERENCES decisions (tenant_id, case_id, decision_id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, case_id, new_decision_id) REFERENCES decisions (tenant_id, case_id, decision_id) ON DELETE CASCADE,
  CHECK ((new_decision_id IS NULL) = (new_facts IS NULL)),
  CHECK (new_decision_id IS NULL OR decision IN ('change-level', 'extend')),
  CHECK (decision = 'close' OR (age_appropriate IS NULL AND follow_up_at_three IS NULL)),
  CHECK (decision <> 'close' OR next_review_due IS NULL),
  CHECK ((next_review_due IS NULL) = (next_review_kind IS NULL))
);
-- A case's reviews, newest first (the summary's "latest progress" and "next review").
CREATE INDEX plan_reviews_case_idx ON plan_reviews (tenant_id, case_id, seq DESC);

CREATE TABLE plan_goal_progress (
  tenant_id     text     NOT NULL,
  case_id       uuid     NOT NULL,
  review_id     uuid     NOT NULL,
  plan_version  integer  NOT NULL,
  goal_id       uuid     NOT NULL,
  progress      text     NOT NULL CHECK (progress IN ('not-started', 'some', 'clear', 'reached')),
  note          text     CHECK (length(note) <= 300),
  PRIMARY KEY (tenant_id, case_id, review_id, goal_id),
  FOREIGN KEY (tenant_id, case_id, review_id) REFERENCES plan_reviews (tenant_id, case_id, review_id) ON DELETE CASCADE,
  -- Progress is on a goal of the plan version the review was held against.
  FOREIGN KEY (tenant_id, case_id, plan_version, goal_id) REFERENCES plan_goals (tenant_id, case_id, version, goal_id) ON DELETE CASCADE
);

CREATE TRIGGER plans_append_only BEFORE UPDATE ON plans
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER plan_goals_append_only BEFORE UPDATE ON plan_goals
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER plan_reviews_append_only BEFORE UPDATE ON plan_reviews
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
CREATE TRIGGER plan_goal_progress_append_only BEFORE UPDATE ON plan_goal_progress
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
