-- Barnets plan (Barnets lov § 91, stk. 1): at a decision on support under § 32 the municipality
-- takes a stance on whether a barnets plan is to be made, and if so it must be in place at the
-- latest 3 months after the decision. Each stance the caseworker records is a row: whether a plan
-- is to be made ('yes', 'no', 'undecided' for a stance still to be taken), the decision it was
-- taken on, the deadline a 'yes' gives (from the municipality's figure on the decision's day,
-- stored like the reminders' due dates so a later figure does not move it), and the day the plan
-- was in place once it is. The newest row stands. History: rows refuse UPDATE and go only with
-- their case (retention, erasure).
CREATE TABLE child_plan_stances (
  tenant_id    text        NOT NULL,
  case_id      uuid        NOT NULL,
  seq          bigint      GENERATED ALWAYS AS IDENTITY,
  decision_id  uuid        NOT NULL,
  stance       text        NOT NULL CHECK (stance IN ('yes', 'no', 'undecided')),
  due          date,
  made_on      date,
  recorded_by  text        NOT NULL,
  recorded_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, case_id, seq),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, case_id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, case_id, decision_id) REFERENCES decisions (tenant_id, case_id, decision_id) ON DELETE CASCADE,
  CHECK ((stance = 'yes') = (due IS NOT NULL)),
  CHECK (made_on IS NULL OR stance = 'yes')
);
-- A case's standing stance: its newest row.
CREATE INDEX child_plan_stances_case_idx ON child_plan_stances (tenant_id, case_id, seq DESC);

CREATE TRIGGER child_plan_stances_append_only BEFORE UPDATE ON child_plan_stances
  FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
