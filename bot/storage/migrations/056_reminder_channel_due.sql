-- Each reminder carries its case's channel, so a sweep finds the channels with reminders due by
-- one index probe per channel and each channel's due rows by one index range, stopping at the
-- batch size: the cost follows the batch, not the backlog (bot/reminders/claims.ts). Before, the
-- due rows were joined to their cases and aggregated by channel before any LIMIT applied.
ALTER TABLE reminders ADD COLUMN channel_id text;
UPDATE reminders r SET channel_id = c.channel_id FROM reminder_cases c WHERE c.tenant_id = r.tenant_id AND c.case_id = r.case_id;
ALTER TABLE reminders ALTER COLUMN channel_id SET NOT NULL;
CREATE INDEX reminders_channel_due_idx ON reminders (tenant_id, channel_id, next_attempt_at) WHERE state = 'pending';

-- Kept in step by the database rather than by every writer of reminder rows (the schedule, the
-- snooze action, imports): a copy that one writer forgot would hide a reminder from every sweep.
CREATE FUNCTION reminder_channel_of_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT c.channel_id INTO NEW.channel_id FROM reminder_cases c WHERE c.tenant_id = NEW.tenant_id AND c.case_id = NEW.case_id;
  RETURN NEW;
END;
$$;
CREATE TRIGGER reminders_channel_of_case BEFORE INSERT ON reminders
  FOR EACH ROW EXECUTE FUNCTION reminder_channel_of_case();

CREATE FUNCTION reminder_case_channel_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reminders SET channel_id = NEW.channel_id WHERE tenant_id = NEW.tenant_id AND case_id = NEW.case_id;
  RETURN NEW;
END;
$$;
CREATE TRIGGER reminder_cases_channel_moved AFTER UPDATE OF channel_id ON reminder_cases
  FOR EACH ROW WHEN (OLD.channel_id IS DISTINCT FROM NEW.channel_id) EXECUTE FUNCTION reminder_case_channel_moved();
