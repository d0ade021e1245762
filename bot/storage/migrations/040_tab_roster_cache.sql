-- The tab asks the bot's roster whether a user belongs to a case's team. That call goes to the
-- Bot Connector, so the answer is kept briefly here (not in process memory) and every instance
-- shares it. A row is a cache entry only: past expires_at it is ignored and later purged.
CREATE TABLE tab_roster_cache (
  tenant_id   text        NOT NULL,
  team_id     text        NOT NULL,
  user_id     text        NOT NULL,
  is_member   boolean     NOT NULL,
  checked_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, team_id, user_id)
);
CREATE INDEX tab_roster_cache_expiry_idx ON tab_roster_cache (tenant_id, expires_at);
