-- Teams' per-tenant window (50 requests per second per app) shared by every bot instance as
-- tokens (bot/reminders/budget.ts): one row per request the window admits. An instance holds a
-- few and uses each for one request at a time, locally; it hands back those it does not need,
-- each free from the moment its last request has left the window. Before, each instance kept a
-- fixed 1/n of the budget, so one that ran out of work left its part unused.
CREATE TABLE reminder_tenant_tokens (
  tenant_id text NOT NULL,
  window_ms integer NOT NULL,
  slot integer NOT NULL,
  -- The holding instance (per process) and until when its hold lasts without renewal.
  holder text,
  expires_at timestamptz,
  -- Handed back: free for others from free_at; the instance that handed it back may take it again
  -- at once, since its own limiter still counts the requests it made with it.
  released_by text,
  free_at timestamptz NOT NULL DEFAULT '-infinity',
  PRIMARY KEY (tenant_id, window_ms, slot)
);

-- The instances that have reminders of a tenant to post now: the budget is shared out among them.
CREATE TABLE reminder_tenant_demand (
  tenant_id text NOT NULL,
  holder text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, holder)
);
