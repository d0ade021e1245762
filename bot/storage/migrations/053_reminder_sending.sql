-- A claimed reminder is marked "sending" (which instance, when) just before its post goes out,
-- so whoever finds the claim abandoned can tell "never sent" (sending_at IS NULL: safe to post)
-- from "maybe sent" (posted, but the record never arrived). See bot/reminders/claims.ts.
ALTER TABLE reminders ADD COLUMN sending_at timestamptz;
ALTER TABLE reminders ADD COLUMN sending_owner text;
-- When another instance first found a maybe-sent claim's lease run out. It is taken over only if
-- the owner has not renewed for a whole lease after that, so an outage that stopped every
-- instance's renewals gives the owner time to record its post before anyone posts it again.
ALTER TABLE reminders ADD COLUMN orphaned_at timestamptz;
