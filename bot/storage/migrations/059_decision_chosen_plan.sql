-- The chosen measure's scope and due dates, stored with the decision when it is made (from the
-- municipality's figures that day) and read back, never recomputed: a later change of the
-- parameter set must not move a granted scope or a due date already decided.
ALTER TABLE decisions ADD COLUMN chosen_scope jsonb, ADD COLUMN chosen_reviews jsonb;

-- A recommendation that was accepted is its own chosen plan. Decisions are append-only; this
-- fills in a copy of what each row already holds, once, in the migration that adds the columns.
ALTER TABLE decisions DISABLE TRIGGER decisions_append_only;
UPDATE decisions SET chosen_scope = recommended->'scope', chosen_reviews = recommended->'reviews'
WHERE override_reason IS NULL;
ALTER TABLE decisions ENABLE TRIGGER decisions_append_only;
-- An override made before this migration keeps NULL: the reader works its plan out once from the
-- facts (bot/cases/standing-plan.ts), as before.

-- How often each of a case's reviews comes back once done, from the municipality's figures when the
-- case's decision was made (rules/next-due.ts cadenceOf), kept with its schedule like its due dates.
ALTER TABLE reminder_cases ADD COLUMN cadence jsonb NOT NULL DEFAULT '{}';
-- The schedules made before this migration repeated what the standard's figures repeated then.
UPDATE reminder_cases SET cadence = CASE outcome
  WHEN 'level2' THEN '{"regrant": 3}'::jsonb
  WHEN 'level3' THEN '{"follow-up": 6}'::jsonb
  ELSE '{}'::jsonb END;
