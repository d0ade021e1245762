-- Review reminders: what the team channel is told and when, and what happened to each post.
-- The tenant leads every primary key. No personal data: a case is known by its reference.

-- The channels reminders go to. One instance at a time holds a channel's lease, so every post
-- into the channel and its threads goes through one rate limiter (see bot/reminders/dispatcher.ts).
CREATE TABLE reminder_channels (
  tenant_id         text        NOT NULL,
  channel_id        text        NOT NULL,
  service_url       text        NOT NULL,
  active            boolean     NOT NULL DEFAULT true,
  inactive_reason   text,
  inactive_since    timestamptz,
  lease_owner       text,
  lease_expires_at  timestamptz,
  PRIMARY KEY (tenant_id, channel_id)
);

-- What the schedule is computed from, kept beside the reminders so a review done on a card can
-- recompute the schedule without the rules, and where the case's reminder thread lives.
CREATE TABLE reminder_cases (
  tenant_id         text        NOT NULL,
  case_id           uuid        NOT NULL,
  case_ref          text        NOT NULL,
  team_id           text        NOT NULL,
  channel_id        text        NOT NULL,
  -- The caseworker's Teams user id: where reminders go when the bot is gone from the channel.
  caseworker_id     text,
  outcome           text        NOT NULL,
  reviews           jsonb       NOT NULL DEFAULT '[]',
  closed            boolean     NOT NULL DEFAULT false,
  -- A new thread per case; later reminders of the case reply in it.
  thread_id         text,
  personal_chat_id  text,
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, case_id),
  FOREIGN KEY (tenant_id, channel_id) REFERENCES reminder_channels (tenant_id, channel_id)
);
CREATE INDEX reminder_cases_team_idx ON reminder_cases (tenant_id, team_id) WHERE NOT closed;
CREATE INDEX reminder_cases_channel_idx ON reminder_cases (tenant_id, channel_id);

-- Reviews done: they move the next date (level 2: a new 3-month period; level 3: 6 months).
CREATE TABLE review_completions (
  tenant_id   text        NOT NULL,
  case_id     uuid        NOT NULL,
  kind        text        NOT NULL,
  due         date        NOT NULL,
  done_on     date        NOT NULL,
  decision    text        NOT NULL CHECK (decision IN ('continue', 'change-level', 'close')),
  done_by     text        NOT NULL,
  done_at     timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, case_id, kind, due),
  FOREIGN KEY (tenant_id, case_id) REFERENCES reminder_cases (tenant_id, case_id) ON DELETE CASCADE
);

-- One row per notice. pending → claimed (leased by one instance) → sent | failed;
-- pending → cancelled when the schedule changes; sent → snoozed when postponed (a new pending
-- row carries the postponed notice).
CREATE TABLE reminders (
  tenant_id         text        NOT NULL,
  reminder_id       bigint      GENERATED ALWAYS AS IDENTITY,
  case_id           uuid        NOT NULL,
  review_key        text        NOT NULL,
  notice            text        NOT NULL CHECK (notice IN ('lead', 'due', 'snooze')),
  kind              text        NOT NULL,
  due               date        NOT NULL,
  passage           text        NOT NULL,
  task              text        NOT NULL,
  fire_at           timestamptz NOT NULL,
  state             text        NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'claimed', 'sent', 'failed', 'cancelled', 'snoozed')),
  lease_owner       text,
  lease_expires_at  timestamptz,
  attempts          integer     NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz NOT NULL,
  last_error        text,
  sent_at           timestamptz,
  delivered_to      text        CHECK (delivered_to IN ('channel', 'personal')),
  conversation_id   text,
  activity_id       text,
  handled_by        text,
  handled_by_name   text,
  handled_at        timestamptz,
  handled_action    text,
  snooze_reason     text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, reminder_id),
  CHECK ((state = 'claimed') = (lease_owner IS NOT NULL)),
  FOREIGN KEY (tenant_id, case_id) REFERENCES reminder_cases (tenant_id, case_id) ON DELETE CASCADE
);
-- "Find due" reads only pending rows, in due order: a partial index keeps it small however
-- many reminders were sent before.
CREATE INDEX reminders_due_idx ON reminders (next_attempt_at) WHERE state = 'pending';
-- Claims whose instance died: found by expiry and retaken.
CREATE INDEX reminders_claim_idx ON reminders (lease_expires_at) WHERE state = 'claimed';
CREATE INDEX reminders_case_idx ON reminders (tenant_id, case_id, state);

-- Every delivery attempt's outcome, append-only.
CREATE TABLE reminder_outcomes (
  tenant_id        text        NOT NULL,
  outcome_id       bigint      GENERATED ALWAYS AS IDENTITY,
  reminder_id      bigint      NOT NULL,
  case_id          uuid        NOT NULL,
  at               timestamptz NOT NULL,
  outcome          text        NOT NULL CHECK (outcome IN ('sent', 'retried', 'failed', 'rerouted')),
  target           text        NOT NULL CHECK (target IN ('channel', 'personal')),
  conversation_id  text,
  -- The key the request counted under in Teams' per-thread windows (a channel for a new thread,
  -- else the conversation): a new owner of the channel seeds its limiter from these.
  thread_key       text,
  status           integer,
  reason           text,
  instance         text        NOT NULL,
  PRIMARY KEY (tenant_id, outcome_id)
);
CREATE INDEX reminder_outcomes_reminder_idx ON reminder_outcomes (tenant_id, reminder_id);
CREATE INDEX reminder_outcomes_thread_idx ON reminder_outcomes (tenant_id, thread_key, at);
