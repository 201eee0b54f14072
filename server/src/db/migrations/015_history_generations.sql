-- Issue 19: version_batches are pruned below the compaction fence (sync/compact.ts), so the restore check no
-- longer needs every batch. What a cursor below the fence is checked against instead is the history generation
-- of its version. A generation is a random name minted by each app process at its first write to a community
-- (and again whenever the batch it wrote last is no longer there as it wrote it): a restore restarts the
-- endpoint, or at least changes what a running one wrote, so the history after a restored backup is written
-- under generations the lost history never had. A batch token starts with its generation ('<generation>.<random>');
-- tokens minted before this migration have none, which reads as the generation '' (server/README.md, "Sync").
-- One row per generation, where it starts: a row per process start and community written to, not per push.
CREATE TABLE history_generations (
  community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  -- The first version written under this generation: it lasts until the next row's from_version.
  from_version bigint NOT NULL,
  generation text NOT NULL,
  PRIMARY KEY (community_id, from_version)
);
-- The generation new batches are written under: read with the head, under the same row lock.
ALTER TABLE communities ADD COLUMN generation text NOT NULL DEFAULT '';
