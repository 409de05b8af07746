-- Schema step 7 (issue 8): the access trail gets a result, an origin and a hash chain.
--
-- result: "ok" or a fixed ASCII id for what went wrong ("denied", "failed"); origin: where
-- the action came from ("ui", "cli", "import"). Both are identifiers, never free text.
-- prev_hash and hash: lower-case hex SHA-256. hash covers prev_hash and the row's canonical
-- fields (see regie-audit.c), so that changing, inserting or removing a row in the middle
-- breaks the chain. SQLite 3.15 has no sha256 (): the rows that exist before this step are
-- chained in C when the store opens (hash IS NULL at the end of the table means "not yet
-- chained"; anywhere else it means "broken").
--
-- The destruction date of a closed dossier is not stored: it follows from closed_at and the
-- retention period in Voorkeuren, so a changed period applies to every dossier at once.

ALTER TABLE audit_log ADD COLUMN result    TEXT NOT NULL DEFAULT 'ok';
ALTER TABLE audit_log ADD COLUMN origin    TEXT NOT NULL DEFAULT 'ui';
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash      TEXT;
