-- Issue 17: the impact ledger. What members answered about a note they opened ("did this save you time?", "did it
-- turn into a win or a story?"), one row per member per note per opening, idempotent by the client's id.
-- Facilitators read aggregates only (server/src/impact/summary.ts): cells of fewer than impact_min_people
-- members are withheld, in whole months of received_at, so a closed month's figures never change afterwards.
CREATE TABLE impact_entries (
  community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  note_id uuid NOT NULL,
  source text NOT NULL CHECK (source IN ('search', 'digest', 'poll-match', 'relay')),
  opened_at bigint NOT NULL,
  answered_at bigint NOT NULL,
  -- When this endpoint received the answer: the month a summary counts it in (a client's clock never moves it).
  received_at bigint NOT NULL,
  minutes_saved integer CHECK (minutes_saved IN (0, 5, 30, 120)),
  outcome text CHECK (outcome IN ('win', 'story')),
  outcome_note_id uuid,
  CHECK (minutes_saved IS NOT NULL OR outcome IS NOT NULL),
  CHECK (outcome_note_id IS NULL OR outcome IS NOT NULL),
  PRIMARY KEY (community_id, id),
  UNIQUE (community_id, member_id, note_id, opened_at)
);
CREATE INDEX impact_entries_received ON impact_entries (community_id, received_at);

-- The smallest number of people a ledger cell may count, per community (never below 5).
ALTER TABLE communities ADD COLUMN impact_min_people integer NOT NULL DEFAULT 5 CHECK (impact_min_people >= 5);

-- "Name me in impact reports": off until the member switches it on; when it last changed.
ALTER TABLE members ADD COLUMN report_name_consent boolean NOT NULL DEFAULT false;
ALTER TABLE members ADD COLUMN report_name_consent_changed_at bigint;
