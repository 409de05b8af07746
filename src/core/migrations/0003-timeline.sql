-- Schema step: the timeline of a dossier (DESIGN §5, event). Applied in one transaction with
-- its PRAGMA user_version.
--
-- when_at is what was known, at its precision: 'time' a UTC instant
-- ("2026-03-03T09:30:00.000Z"), 'day' "2026-03-03", 'month' "2026-03", 'year' "2019"
-- (dates are calendar dates in Europe/Amsterdam). sort_key puts fuzzy dates among exact ones:
-- the UTC instant at which the period begins in Europe/Amsterdam, then a digit for the
-- precision (0 year … 3 time), so that "2019" sorts just before everything else in 2019
-- and "March 2019" before everything else in that month. Newest first is sort_key DESC.
--
-- The search index (dossier_fts, body) also holds the items typed by hand: the core writes
-- it again in the same transaction as each item.
--
-- organisation_id and contact_id have no foreign keys yet: the network tables come in a
-- later step, which may add them. task_id links an automatic "task done" item to its task.
CREATE TABLE event (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id         INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  kind            TEXT NOT NULL,
  when_at         TEXT NOT NULL,
  precision       TEXT NOT NULL DEFAULT 'time',
  sort_key        TEXT NOT NULL,
  duration_min    INTEGER,                       -- contact moments; NULL while a visit runs
  channel         TEXT NOT NULL DEFAULT '',
  with_whom       TEXT NOT NULL DEFAULT '',
  organisation_id INTEGER,
  contact_id      INTEGER,
  title           TEXT NOT NULL DEFAULT '',
  body            TEXT NOT NULL DEFAULT '',
  agreed          TEXT NOT NULL DEFAULT '',
  life_event      TEXT NOT NULL DEFAULT '',
  letter_sender   TEXT NOT NULL DEFAULT '',
  letter_date     TEXT,                          -- YYYY-MM-DD
  letter_ref      TEXT NOT NULL DEFAULT '',      -- kenmerk
  letter_subject  TEXT NOT NULL DEFAULT '',
  letter_asked    TEXT NOT NULL DEFAULT '',
  deadline        TEXT,                          -- YYYY-MM-DD: reply or pay before
  line            TEXT NOT NULL DEFAULT '',      -- professional line used
  callback        TEXT NOT NULL DEFAULT '',      -- agreed callback
  task_id         INTEGER,
  to_status       TEXT,                          -- status changes: the new status id
  running         INTEGER NOT NULL DEFAULT 0,    -- a visit that has not ended yet
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE INDEX event_case ON event (case_id, sort_key);
CREATE INDEX event_deadline ON event (deadline) WHERE deadline IS NOT NULL;
CREATE INDEX event_task ON event (task_id) WHERE task_id IS NOT NULL;
