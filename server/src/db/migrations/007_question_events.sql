-- Issue 16: what happens to a question besides notes (lib/questions/events.ts): an existing note linked as its
-- answer, the answer relayed to the thread, "did this answer it?", me-too. A set by client-made id. `by_role`
-- is the member's role when they did it, so clients can tell a facilitator's confirmation from anyone's.
-- Keyed within the community, as notes are since 005: an event id used elsewhere tells nobody anything.
CREATE TABLE question_events (
  community_id uuid NOT NULL,
  id uuid NOT NULL,
  note_id uuid NOT NULL,
  member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  by_role text NOT NULL CHECK (by_role IN ('member', 'facilitator', 'admin')),
  type text NOT NULL,
  at bigint NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (community_id, id),
  FOREIGN KEY (community_id, note_id) REFERENCES notes (community_id, id) ON DELETE CASCADE
);
CREATE INDEX question_events_note ON question_events (community_id, note_id, at);
