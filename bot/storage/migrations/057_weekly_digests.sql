-- The weekly digest in each team's channel (bot/digest/weekly-digest.ts): one row per tenant, team
-- and week, so of several instances exactly one posts a team's digest each week. The instance whose
-- INSERT makes the row, or takes over one whose post failed, posts it; every other finds it taken.
-- A row holds times, ids and counts only, never a case's content.
CREATE TABLE weekly_digests (
  tenant_id      text        NOT NULL,
  team_id        text        NOT NULL,
  -- The Monday (Danish calendar) of the week the digest is for.
  week           date        NOT NULL,
  state          text        NOT NULL CHECK (state IN ('posting', 'posted', 'failed')),
  owner          text        NOT NULL,
  attempts       integer     NOT NULL DEFAULT 1,
  claimed_at     timestamptz NOT NULL,
  channel_id     text,
  activity_id    text,
  posted_at      timestamptz,
  -- After a failed post: when it may be tried again.
  retry_at       timestamptz,
  -- The connector's status and code only.
  last_error     text,
  PRIMARY KEY (tenant_id, team_id, week)
);
