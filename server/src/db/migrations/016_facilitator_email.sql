-- Issue 17: the weekly facilitator summary by e-mail. A facilitator or admin may give one address for it (opt-in:
-- no row, no mail). The address is only ever read back by its owner and by the weekly job; it goes when the
-- member leaves (server/src/db/rows.ts removeMember) and with the member row.
CREATE TABLE weekly_summary_recipients (
  member_id uuid PRIMARY KEY REFERENCES members (id) ON DELETE CASCADE,
  community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  email text NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX weekly_summary_recipients_community ON weekly_summary_recipients (community_id);

-- The one outbox serves both the ritual webhook posts and the weekly e-mails: the same claim, lease and settle
-- (server/src/rituals/outbox.ts), each sender claiming only its own channel.
ALTER TABLE ritual_outbox ADD COLUMN channel text NOT NULL DEFAULT 'webhook' CHECK (channel IN ('webhook', 'email'));
DROP INDEX ritual_outbox_due;
CREATE INDEX ritual_outbox_due ON ritual_outbox (channel, state, next_attempt_at);
