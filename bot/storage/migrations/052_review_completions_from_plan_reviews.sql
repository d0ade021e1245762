-- A review held on the plan's review card now completes the reminder of the review it answered,
-- so a completion may carry every conclusion a plan review can reach (a new grant, an underretning),
-- not only the three the reminder card offers.
ALTER TABLE review_completions DROP CONSTRAINT review_completions_decision_check;
ALTER TABLE review_completions ADD CONSTRAINT review_completions_decision_check
  CHECK (decision IN ('continue', 'change-level', 'extend', 'close', 'escalate'));
