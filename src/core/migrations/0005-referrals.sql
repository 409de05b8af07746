-- Schema step: warm referrals (warme doorverwijzing, DESIGN §5 referral). A referral hands a
-- dossier's question over to an organisation of the network; the referring casemanager keeps
-- the dossier and follows up with a task. Conventions as in the dossier step: UTC ISO 8601
-- timestamps with milliseconds, '' for optional text, stable ASCII ids checked by the core.
--
-- state:         'draft' → 'handed_over' → 'accepted' | 'declined' → 'completed', or 'withdrawn'
--                (state_reason: why it was declined or withdrawn, free text)
-- mode:          'call_now' (driegesprek), 'appointment', 'email', 'letter', 'handover_note'
--                ('' while a draft has not chosen yet)
-- consent_how:   'verbal' | 'written'; NULL consent_given_at means no consent was recorded, and
--                then only an anonymous consultation (no categories) can be handed over.
-- consent_categories: the data the inwoner agreed to share, a sorted comma-separated list of
--                'personalia', 'contact', 'bsn', 'finances', 'question', 'timeline' ('' = none,
--                an anonymous consultation). No JSON1 at the floor, hence the list.
-- timeline_event_ids: the chosen timeline items (comma-separated event ids) when 'timeline'
--                is consented.
-- outcome:       NULL until completed; 'success' | 'failure'. outcome_reason for a failure:
--                'citizen_declined', 'no_capacity', 'no_longer_needed', 'citizen_unreachable',
--                'organisation_unreachable', 'other' (outcome_note says more).
-- set_case_referred: the casemanager chose to set the dossier's status to "referred" on
--                handover (kept so a resumed draft remembers it).
-- organisation_id / contact_id: SET NULL when the network entry is deleted, so the referral
--                itself (and the figures) survive; organisation_name keeps the name it had.
CREATE TABLE referral (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id             INTEGER NOT NULL REFERENCES dossier (id) ON DELETE CASCADE,
  organisation_id     INTEGER REFERENCES organisation (id) ON DELETE SET NULL,
  contact_id          INTEGER REFERENCES contact (id) ON DELETE SET NULL,
  line_id             INTEGER REFERENCES professional_line (id) ON DELETE SET NULL,
  organisation_name   TEXT NOT NULL DEFAULT '',
  organisation_kind   TEXT NOT NULL DEFAULT '',   -- the receiver's kind at handover (figures)
  reason              TEXT NOT NULL DEFAULT '',
  question            TEXT NOT NULL DEFAULT '',
  mode                TEXT NOT NULL DEFAULT '',
  appointment_at      TEXT,                       -- UTC instant, mode 'appointment'
  consent_given_at    TEXT,                       -- YYYY-MM-DD
  consent_how         TEXT NOT NULL DEFAULT '',
  consent_categories  TEXT NOT NULL DEFAULT '',
  timeline_event_ids  TEXT NOT NULL DEFAULT '',
  finances            TEXT NOT NULL DEFAULT '',   -- what is shared of the financial situation
  handover_text       TEXT NOT NULL DEFAULT '',
  state               TEXT NOT NULL DEFAULT 'draft',
  state_reason        TEXT NOT NULL DEFAULT '',
  outcome             TEXT,
  outcome_reason      TEXT,
  outcome_note        TEXT NOT NULL DEFAULT '',
  follow_up_date      TEXT,                       -- YYYY-MM-DD
  follow_up_task_id   INTEGER REFERENCES task (id) ON DELETE SET NULL,
  set_case_referred   INTEGER NOT NULL DEFAULT 1,
  wizard_step         INTEGER NOT NULL DEFAULT 0, -- where a draft was left
  casemanager         TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  handed_over_at      TEXT,
  answered_at         TEXT,                       -- accepted or declined
  closed_at           TEXT                        -- completed or withdrawn
);

CREATE INDEX referral_case ON referral (case_id, created_at);
CREATE INDEX referral_state ON referral (state, follow_up_date);
CREATE INDEX referral_organisation ON referral (organisation_id) WHERE organisation_id IS NOT NULL;
CREATE INDEX referral_handed_over_at ON referral (handed_over_at) WHERE handed_over_at IS NOT NULL;

-- The follow-up task and the timeline items point back at their referral (DESIGN §5: a task
-- has a link to a referral).
ALTER TABLE task ADD COLUMN referral_id INTEGER REFERENCES referral (id) ON DELETE SET NULL;
ALTER TABLE event ADD COLUMN referral_id INTEGER REFERENCES referral (id) ON DELETE SET NULL;

CREATE INDEX task_referral ON task (referral_id) WHERE referral_id IS NOT NULL;
CREATE INDEX event_referral ON event (referral_id) WHERE referral_id IS NOT NULL;
