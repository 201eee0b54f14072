-- Issue 15 item 6: a note's identity is (community, id). Another community's note id is then simply unknown
-- here: create, edit, delete and thank of it are answered exactly as for an id never seen, so no answer tells a
-- member which ids exist in other communities. Safe on existing data: ids were unique across the whole table,
-- so they are unique within each community too; thanks take their note's community.
ALTER TABLE thanks ADD COLUMN community_id uuid;
UPDATE thanks t SET community_id = n.community_id FROM notes n WHERE n.id = t.note_id;
ALTER TABLE thanks ALTER COLUMN community_id SET NOT NULL;
ALTER TABLE thanks DROP CONSTRAINT thanks_note_id_fkey;
ALTER TABLE thanks DROP CONSTRAINT thanks_pkey;
ALTER TABLE notes DROP CONSTRAINT notes_pkey;
ALTER TABLE notes ADD PRIMARY KEY (community_id, id);
ALTER TABLE thanks ADD PRIMARY KEY (community_id, note_id, member_id);
ALTER TABLE thanks ADD FOREIGN KEY (community_id, note_id) REFERENCES notes (community_id, id) ON DELETE CASCADE;
