-- The child's wellbeing on a 1–5 scale per area (the municipality's parameter data names the
-- areas; by default the ICS triangle's three sides), each with a short reason, at intake and at
-- every review. History, like the reviews: rows refuse UPDATE and go only with their case.
-- Numbered after the highest migration databases in use already have, so the order on disk is the
-- order applied. The reason is free text: checked for CPR numbers before the insert.
CREATE TABLE wellbeing_scores (
  tenant_id      text        NOT NULL,
  case_id        uuid        NOT NULL,
  assessment_id  uuid        NOT NULL,
  seq            bigint      GENERATED ALWAYS AS IDENTITY,
  occasion       text        NOT NULL CHECK (occasion IN ('intake', 'review')),
  -- The review the scores were given at; none at intake.
  review_id      uuid,
  assessed_on    date        NOT NULL,
  area           text        NOT NULL CHECK (area ~ '^[a-z][a-z0-9-]{1,40}$'),
  score          smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
  reason         text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  assessed_by    text        NOT NULL,
  assessed_at    timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, case_id, assessment_id, area),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, case_id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, case_id, review_id) REFERENCES plan_reviews (tenant_id, case_id, review_id) ON DELETE CASCADE,
  CHECK ((occasion = 'review') = (review_id IS NOT NULL))
);
-- A case's course, oldest first.
CREATE INDEX wellbeing_scores_case_idx ON wellbeing_scores (tenant_id, case_id, assessed_on, seq);

CREATE TRIGGER wellbeing_scores_append_only BEFORE UPDATE ON wellbeing_scores
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
