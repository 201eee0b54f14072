-- Issue 19: tombstones are kept as long as a returning client needs them, then compacted (sync/compact.ts).
-- compacted_through is the fence: tombstones at or below it may be gone, so a pull whose cursor is below it
-- answers cursor_too_old and the client resets (drops what the server no longer has; never re-sends it).
-- (Until migration 015 version_batches were never pruned: a cursor's batch token told a history lost to a restored
-- backup, below the fence too. Since 015 a cursor below the fence is told by its history generation.)
ALTER TABLE communities ADD COLUMN compacted_through bigint NOT NULL DEFAULT 0;
-- Each member's last acknowledged pull cursor (the version it had applied) and when: compaction never passes
-- an active member's cursor. Written by pull, at most once a minute per member and process when unchanged.
ALTER TABLE members ADD COLUMN acked_version bigint;
ALTER TABLE members ADD COLUMN acked_at bigint;
-- Compaction looks for a community's old tombstones: only they are indexed (a partial index stays small).
CREATE INDEX notes_tombstones ON notes (community_id, version) WHERE body IS NULL;
-- A compacted delete stays final: the id (and its author) of each compacted tombstone is kept, so a create of
-- it re-sent later (by a client resetting after a restored backup, which cannot tell a note the restore lost from
-- one deleted and compacted since) is refused as deleted, as the tombstone would have refused it (sync/apply.ts).
CREATE TABLE compacted_notes (
  community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  author_id uuid NOT NULL,
  PRIMARY KEY (community_id, id)
);
