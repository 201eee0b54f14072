-- Issue 15 item 1: pull pages are bounded by bytes, and members by quotas of notes and bytes. Each note keeps
-- its body's size (UTF-8 bytes of its JSON as the app serialised it; 0 for a tombstone), so neither needs
-- to serialise bodies to measure them.
ALTER TABLE notes ADD COLUMN body_bytes integer NOT NULL DEFAULT 0;
UPDATE notes SET body_bytes = octet_length(body::text) WHERE body IS NOT NULL;
-- A member's quota is summed over their live notes.
CREATE INDEX notes_author_live ON notes (author_id) WHERE body IS NOT NULL;
