-- Notes on a case: what happened at a visit, a call or a meeting, in the author's own words,
-- with the time it took. A CPR number is refused before it gets here.
CREATE TABLE case_notes (
  tenant_id    text        NOT NULL,
  case_id      uuid        NOT NULL,
  note_id      uuid        NOT NULL,
  seq          bigint      GENERATED ALWAYS AS IDENTITY,
  note_date    date        NOT NULL,
  kind         text        NOT NULL CHECK (kind IN ('visit', 'phone', 'meeting', 'interdisciplinary-meeting', 'observation')),
  minutes      integer     NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
  text         text        NOT NULL,
  author_id    text        NOT NULL,
  author_name  text        NOT NULL,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, case_id, note_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, case_id) ON DELETE CASCADE
);
-- A case's notes in the order they are read: by date, then as written.
CREATE INDEX case_notes_case_idx ON case_notes (tenant_id, case_id, note_date, seq);

-- The latest notes summary of a case, replaced by the next one. It records what produced it
-- (model name or "uden sprogmodel", and the prompt template's id and hash) and which notes it
-- covers, so the next summary sends only the notes added since.
CREATE TABLE case_summaries (
  tenant_id          text        NOT NULL,
  case_id            uuid        NOT NULL,
  summary            text        NOT NULL,
  passages           jsonb       NOT NULL,
  produced_by        text        NOT NULL,
  method             text        NOT NULL CHECK (method IN ('model', 'extractive')),
  template_id        text,
  template_hash      text,
  covered_note_keys  jsonb       NOT NULL,
  created_by         text        NOT NULL,
  created_at         timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, case_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, case_id) ON DELETE CASCADE,
  CHECK ((method = 'model') = (template_id IS NOT NULL AND template_hash IS NOT NULL))
);
