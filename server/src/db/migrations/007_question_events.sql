-- Issue 16: what happens to a question besides notes (lib/questions/events.ts): an existing note linked as its
-- answer, the answer relayed to the thread, "did this answer it?", me-too. A set by client-made id. `by_role`
-- is the member's role when they did it, so clients can tell a facilitator's confirmation from anyone's.
-- (005 and 006 are taken by parallel branches.)
CREATE TABLE question_events (
  id uuid PRIMARY KEY,
  note_id uuid NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  by_role text NOT NULL CHECK (by_role IN ('member', 'facilitator', 'admin')),
  type text NOT NULL,
  at bigint NOT NULL,
  body jsonb NOT NULL
);
CREATE INDEX question_events_note ON question_events (note_id, at);
