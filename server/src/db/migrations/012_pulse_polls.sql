-- Issue 17: pulse polls. A facilitator schedules a poll; its occurrences recur on a cadence (lib/pulse/schedule);
-- members answer once per occurrence. Results are withheld below min_answers (never below 3), by the server.
CREATE TABLE polls (
  community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  question text NOT NULL,
  -- Empty: free text; otherwise members pick one of these.
  choices jsonb NOT NULL DEFAULT '[]',
  is_anonymous boolean NOT NULL,
  cadence text NOT NULL CHECK (cadence IN ('weekly', 'biweekly', 'monthly', 'quarterly')),
  anchor text NOT NULL,
  open_days integer NOT NULL CHECK (open_days BETWEEN 1 AND 7),
  time_zone text NOT NULL,
  min_answers integer NOT NULL DEFAULT 5 CHECK (min_answers >= 3),
  is_active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES members (id) ON DELETE SET NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (community_id, id)
);

-- One row per occurrence that was answered at least once; `key` is the occurrence day (YYYY-MM-DD).
CREATE TABLE poll_occurrences (
  community_id uuid NOT NULL,
  poll_id uuid NOT NULL,
  key text NOT NULL,
  opens_at bigint NOT NULL,
  closes_at bigint NOT NULL,
  PRIMARY KEY (community_id, poll_id, key),
  FOREIGN KEY (community_id, poll_id) REFERENCES polls (community_id, id) ON DELETE CASCADE
);

-- Who answered an occurrence: one row per member per occurrence (the primary key refuses a second answer).
-- Kept apart from the answers, with no time, so an anonymous answer cannot be joined back to its member.
CREATE TABLE poll_voters (
  community_id uuid NOT NULL,
  poll_id uuid NOT NULL,
  key text NOT NULL,
  member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  PRIMARY KEY (community_id, poll_id, key, member_id),
  FOREIGN KEY (community_id, poll_id, key) REFERENCES poll_occurrences (community_id, poll_id, key) ON DELETE CASCADE
);

-- The answers. member_id is NULL for anonymous polls: the server never stores who said what there.
-- No time column either: answers are listed in id order (random), not in the order members answered.
CREATE TABLE poll_answers (
  community_id uuid NOT NULL,
  poll_id uuid NOT NULL,
  key text NOT NULL,
  id uuid NOT NULL,
  member_id uuid REFERENCES members (id) ON DELETE SET NULL,
  choice text,
  text text,
  CHECK ((choice IS NULL) <> (text IS NULL)),
  PRIMARY KEY (community_id, poll_id, key, id),
  FOREIGN KEY (community_id, poll_id, key) REFERENCES poll_occurrences (community_id, poll_id, key) ON DELETE CASCADE
);
