-- Issue 16: each member's secret address for the rituals calendar (.ics). Calendar apps send no bearer token,
-- so the address is the credential: only its SHA-256 is stored; rotating replaces it, revoking deletes the row.
-- The feed shows the schedule the member's extension sent (their new tab's rituals), in that zone.
CREATE TABLE calendar_feeds (
  member_id uuid PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
  community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  token_hash text NOT NULL UNIQUE,
  time_zone text NOT NULL,
  rituals jsonb NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
