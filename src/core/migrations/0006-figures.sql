-- Schema step: indexes for the figures of the Cijfers view (regie-stats.c), which count by
-- period: timeline items of a few kinds within a time range (sort_key is the UTC instant,
-- see 0003-timeline.sql), and dossiers closed within one. Without them every count reads
-- the whole timeline table, seconds over years of data (tests/bench/regie-bench-stats).
-- The rest of the columns the counts read ride along, so that no count visits the table.
CREATE INDEX event_kind_sort_key ON event (kind, sort_key, running, case_id, channel, duration_min);
CREATE INDEX dossier_closed_at ON dossier (closed_at) WHERE closed_at IS NOT NULL;
