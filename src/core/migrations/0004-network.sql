-- Schema step: the network (sociale kaart): organisations, the people known there, their
-- professional lines with weekly availability, and which organisations a dossier involves.
-- Conventions as in the dossier step: '' for optional text, stable ASCII ids for kinds.
-- checked_at is the calendar date ("YYYY-MM-DD") an entry was last confirmed to be right;
-- sociale kaarten are checked twice a year. uid is the vCard UID, kept for re-imports.

CREATE TABLE organisation (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  uid           TEXT NOT NULL,
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL DEFAULT 'other',
  phone         TEXT NOT NULL DEFAULT '',
  email         TEXT NOT NULL DEFAULT '',
  website       TEXT NOT NULL DEFAULT '',
  street        TEXT NOT NULL DEFAULT '',
  postcode      TEXT NOT NULL DEFAULT '',
  city          TEXT NOT NULL DEFAULT '',
  opening_hours TEXT NOT NULL DEFAULT '',
  notes         TEXT NOT NULL DEFAULT '',
  sort_key      TEXT NOT NULL DEFAULT '',   -- folded name: duplicates and list order
  checked_at    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

CREATE UNIQUE INDEX organisation_uid ON organisation (uid);
CREATE INDEX organisation_sort_key ON organisation (sort_key);

CREATE TABLE organisation_theme (
  organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  theme           TEXT NOT NULL,
  PRIMARY KEY (organisation_id, theme)
) WITHOUT ROWID;

CREATE INDEX organisation_theme_theme ON organisation_theme (theme, organisation_id);

-- A contact may be known without an organisation (an independent adviser, say).
CREATE TABLE contact (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  uid             TEXT NOT NULL,
  organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
  name            TEXT NOT NULL,
  department      TEXT NOT NULL DEFAULT '',
  title           TEXT NOT NULL DEFAULT '',
  role            TEXT NOT NULL DEFAULT '',
  phone           TEXT NOT NULL DEFAULT '',
  mobile          TEXT NOT NULL DEFAULT '',
  email           TEXT NOT NULL DEFAULT '',
  notes           TEXT NOT NULL DEFAULT '',
  sort_key        TEXT NOT NULL DEFAULT '',
  checked_at      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

CREATE UNIQUE INDEX contact_uid ON contact (uid);
CREATE INDEX contact_organisation ON contact (organisation_id, sort_key);

CREATE TABLE professional_line (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  organisation_id  INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  label            TEXT NOT NULL,
  phone            TEXT NOT NULL DEFAULT '',
  audience         TEXT NOT NULL DEFAULT '',   -- who may use it
  notes            TEXT NOT NULL DEFAULT '',
  open_on_holidays INTEGER NOT NULL DEFAULT 0,
  checked_at       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);

CREATE INDEX professional_line_organisation ON professional_line (organisation_id);

-- Weekly availability: several slots a day. weekday 1 = Monday … 7 = Sunday (ISO 8601);
-- minutes since midnight in Europe/Amsterdam, start < end <= 1440.
CREATE TABLE line_slot (
  line_id      INTEGER NOT NULL REFERENCES professional_line (id) ON DELETE CASCADE,
  weekday      INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute   INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
  PRIMARY KEY (line_id, weekday, start_minute)
) WITHOUT ROWID;

-- The organisations a dossier involves, optionally naming the contact there.
CREATE TABLE case_organisation (
  case_id         INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  organisation_id INTEGER NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
  contact_id      INTEGER REFERENCES contact (id) ON DELETE SET NULL,
  added_at        TEXT NOT NULL,
  PRIMARY KEY (case_id, organisation_id)
) WITHOUT ROWID;

CREATE INDEX case_organisation_organisation ON case_organisation (organisation_id, case_id);
