-- Jobs the bot runs once a day (retention) while several instances share this database. One row
-- per job and day: the instance that inserts the row, or takes over a failed or abandoned one,
-- runs the job; every other instance sees the day taken. Not tenant data, so no tenant id: a run
-- covers every tenant, and the row holds only times, counts and an instance id.
CREATE TABLE daily_job_runs (
  job               text        NOT NULL,
  -- The calendar day in Danish time the run is for.
  day               date        NOT NULL,
  state             text        NOT NULL CHECK (state IN ('running', 'done', 'failed')),
  owner             text        NOT NULL,
  attempts          integer     NOT NULL DEFAULT 1,
  started_at        timestamptz NOT NULL,
  -- While running: renewed by the owner; past it, the owner is taken for dead and another may run.
  lease_expires_at  timestamptz NOT NULL,
  finished_at       timestamptz,
  -- After a failure: when the day's run may be tried again.
  retry_at          timestamptz,
  -- An error's name and code only, never its message (it may quote a row).
  last_error        text,
  -- What the run did, as counts.
  result            jsonb,
  PRIMARY KEY (job, day)
);
