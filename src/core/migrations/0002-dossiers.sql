-- Schema step 2: inwoners (person), their dossiers (dossier), themes, follow-up tasks, the
-- status history and the search index. Applied in one transaction with PRAGMA user_version = 2.
--
-- Conventions: timestamps are UTC ISO 8601 text with milliseconds ("2024-03-12T09:30:00.000Z"),
-- so that text order is time order; calendar dates are ISO text ("1980-03-12"). Enumerations
-- are stable ASCII ids checked by the core, not by CHECK constraints: a new value must not
-- need a table rebuild. Optional text is '' rather than NULL, except where NULL means "not
-- known" and is searched on (birth_date, bsn) or marks a state (closed_at, done_at, outcome).
-- AUTOINCREMENT: an id is never given out again after a delete, so that the audit trail
-- (entity type and id) can never point at someone else later.

CREATE TABLE person (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  given_names        TEXT NOT NULL DEFAULT '',
  initials           TEXT NOT NULL DEFAULT '',
  prefix             TEXT NOT NULL DEFAULT '',   -- tussenvoegsel: van, de, van der, ’t …
  surname            TEXT NOT NULL DEFAULT '',
  preferred_name     TEXT NOT NULL DEFAULT '',
  birth_date         TEXT,                       -- YYYY-MM-DD
  bsn                TEXT,                       -- 9 digits, passes the elfproef
  phone              TEXT NOT NULL DEFAULT '',
  email              TEXT NOT NULL DEFAULT '',
  street             TEXT NOT NULL DEFAULT '',
  house_number       TEXT NOT NULL DEFAULT '',
  postcode           TEXT NOT NULL DEFAULT '',   -- '1234 AB'
  city               TEXT NOT NULL DEFAULT '',
  language           TEXT NOT NULL DEFAULT '',
  interpreter_needed INTEGER NOT NULL DEFAULT 0,
  digid_status       TEXT NOT NULL DEFAULT 'unknown',
  notes              TEXT NOT NULL DEFAULT '',
  -- Folded surname without prefix, given names, prefix: Dutch list order with a plain index.
  sort_key           TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
);

CREATE INDEX person_sort_key ON person (sort_key);
CREATE INDEX person_bsn ON person (bsn) WHERE bsn IS NOT NULL;
CREATE INDEX person_birth_date ON person (birth_date) WHERE birth_date IS NOT NULL;
-- Day and month ("DDMM"): a birth date typed without its year (12-3) is found by range.
CREATE INDEX person_birth_day_month
  ON person (substr(birth_date, 9, 2) || substr(birth_date, 6, 2), birth_date)
  WHERE birth_date IS NOT NULL;

-- "case" is an SQL keyword; the Dutch word is the one the casemanagers use anyway.
-- A person is deleted by the core together with their last dossier (RESTRICT keeps the
-- database from ever holding a dossier without its person).
CREATE TABLE dossier (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
  question      TEXT NOT NULL DEFAULT '',
  status        TEXT NOT NULL DEFAULT 'new',
  arrival       TEXT NOT NULL DEFAULT 'walk_in',
  referred_by   TEXT NOT NULL DEFAULT '',
  casemanager   TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  opened_at     TEXT NOT NULL,
  closed_at     TEXT,
  outcome       TEXT,
  outcome_note  TEXT NOT NULL DEFAULT '',
  satisfaction  INTEGER CHECK (satisfaction BETWEEN 1 AND 5),
  last_activity TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE INDEX dossier_person ON dossier (person_id);
CREATE INDEX dossier_last_activity ON dossier (last_activity);
CREATE INDEX dossier_opened_at ON dossier (opened_at);
CREATE INDEX dossier_status ON dossier (status, last_activity);
CREATE INDEX dossier_casemanager ON dossier (casemanager, last_activity);

CREATE TABLE case_theme (
  case_id INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  theme   TEXT NOT NULL,
  PRIMARY KEY (case_id, theme)
) WITHOUT ROWID;

CREATE INDEX case_theme_theme ON case_theme (theme, case_id);

-- Every status a dossier has had, from its opening (from_status NULL) on. Reopening a closed
-- dossier clears its outcome but never this history.
CREATE TABLE case_status_change (
  id          INTEGER PRIMARY KEY,
  case_id     INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  at          TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT NOT NULL,
  actor       TEXT NOT NULL DEFAULT ''
);

CREATE INDEX case_status_change_case ON case_status_change (case_id, at);

CREATE TABLE task (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id    INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  what       TEXT NOT NULL,
  due_date   TEXT,                                -- YYYY-MM-DD
  done_at    TEXT,
  created_at TEXT NOT NULL
);

CREATE INDEX task_case ON task (case_id);
CREATE INDEX task_open_due ON task (due_date) WHERE done_at IS NULL;

-- One row per dossier, docid = dossier.id, written by the core in the same transaction as
-- the person or dossier it comes from. names: given names, initials, preferred name, prefix,
-- surname; postcode: "1234ab 1234"; body: the question, the dossier's and the person's notes.
-- BSN and birth date are not in here: they are matched exactly on the person table.
-- Prefix indexes for 1 to 3 characters: the first keystrokes match most of the index.
CREATE VIRTUAL TABLE dossier_fts USING fts4 (
  names,
  postcode,
  body,
  tokenize=unicode61 "remove_diacritics=1",
  prefix="1,2,3"
);
