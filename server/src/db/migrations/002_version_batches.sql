-- A restored backup reuses version numbers: after it, new writes take numbers a client already saw, so
-- "is the cursor ahead of last_version" cannot tell. Each push that takes versions records a random token for
-- them; a pull cursor carries the token of the batch its version falls in. A server that does not hold that
-- batch (restored from a backup, even if later writes moved past the number) knows the client saw a lost
-- history and starts a new epoch (server/src/sync/pull.ts).
CREATE TABLE version_batches (
  community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  -- The batch took versions (previous batch's last_version, last_version].
  last_version bigint NOT NULL,
  token text NOT NULL,
  PRIMARY KEY (community_id, last_version)
);

-- Versions written before this migration form one batch with the empty token.
INSERT INTO version_batches (community_id, last_version, token)
  SELECT id, last_version, '' FROM communities WHERE last_version > 0;
