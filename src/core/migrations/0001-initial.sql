-- Schema step 1: what every store has from its first day.
-- Applied by regie-store.c inside one transaction together with PRAGMA user_version = 1.

CREATE TABLE store_info (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- The access trail. It never holds names or free text: only who (the casemanager's
-- account), what, and which object by type and numeric id.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id   INTEGER
);

CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
