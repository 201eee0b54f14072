-- Issue 16: each community's incoming webhook (admin-configured; the URL is a secret, never returned or logged)
-- and the outbox of ritual posts, one row per delivery key, so a post is sent at most once whatever fails.
CREATE TABLE community_webhooks (
  community_id uuid PRIMARY KEY REFERENCES communities (id) ON DELETE CASCADE,
  platform text NOT NULL CHECK (platform IN ('slack', 'teams', 'discord', 'mattermost')),
  url text NOT NULL,
  time_zone text NOT NULL,
  -- The community's ritual schedule (lib/digest Ritual[]); NULL: the default rhythm.
  rituals jsonb,
  updated_at bigint NOT NULL
);

CREATE TABLE ritual_outbox (
  delivery_key text PRIMARY KEY,
  community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  payload jsonb NOT NULL,
  -- pending: to send at next_attempt_at; sending: claimed by a worker until claimed_until; delivered;
  -- failed: refused for good; unconfirmed: the request may have reached the platform, so it is never re-sent.
  state text NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'failed', 'unconfirmed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at bigint NOT NULL,
  claimed_until bigint,
  last_error text,
  created_at bigint NOT NULL,
  settled_at bigint
);
CREATE INDEX ritual_outbox_due ON ritual_outbox (state, next_attempt_at);
