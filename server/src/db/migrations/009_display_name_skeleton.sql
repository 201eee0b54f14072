-- Issue 15: display names are unique within a community on their confusable skeleton (UTS #39, computed in
-- server/src/display-name-skeleton.ts), so `Аda` (Cyrillic А) or `Ada` plus a zero-width space cannot pass for
-- `Ada`. SQL cannot compute the skeleton: existing members get theirs from backfillNameSkeletons (db/migrate.ts)
-- right after this migration, which renames later look-alikes " (2)", " (3)"... as 004 did for duplicates.
ALTER TABLE members ADD COLUMN display_name_skeleton text;
CREATE UNIQUE INDEX members_display_name_skeleton ON members (community_id, display_name_skeleton)
  WHERE removed_at IS NULL AND display_name_skeleton IS NOT NULL;
