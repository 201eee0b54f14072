-- Commonplace community endpoint: initial schema. Keep to PostgreSQL 15 (PGlite runs a newer server).
-- Times are epoch milliseconds (bigint). Secrets are stored as SHA-256 hex, never in clear.

CREATE TABLE server_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE communities (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  -- Names this server's history; a new one after a restore is detected (see lib/sync/protocol.ts).
  epoch text NOT NULL,
  -- The per-community version counter. Writers lock this row, so versions commit in order.
  last_version bigint NOT NULL DEFAULT 0,
  created_at bigint NOT NULL
);

CREATE TABLE members (
  id uuid PRIMARY KEY,
  community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('member', 'facilitator', 'admin')),
  joined_at bigint NOT NULL,
  removed_at bigint
);
CREATE INDEX members_community ON members (community_id);

CREATE TABLE tokens (
  id uuid PRIMARY KEY,
  member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  hash text NOT NULL UNIQUE,
  label text,
  created_at bigint NOT NULL,
  last_used_at bigint,
  revoked_at bigint
);
CREATE INDEX tokens_member ON tokens (member_id);

CREATE TABLE invites (
  id uuid PRIMARY KEY,
  community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  code_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('member', 'facilitator', 'admin')),
  max_uses integer NOT NULL CHECK (max_uses > 0),
  uses integer NOT NULL DEFAULT 0,
  expires_at bigint NOT NULL,
  created_at bigint NOT NULL,
  created_by uuid REFERENCES members (id) ON DELETE SET NULL,
  revoked_at bigint
);
CREATE INDEX invites_community ON invites (community_id);

CREATE TABLE notes (
  id uuid PRIMARY KEY,
  community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
  author_id uuid NOT NULL REFERENCES members (id),
  version bigint NOT NULL,
  -- The winning edit's stamp: (hlc, client) orders an author's edits from several devices.
  hlc text NOT NULL,
  hlc_client text NOT NULL,
  -- The note as on the wire minus author, community and sync; NULL once deleted (a tombstone keeps no content).
  body jsonb,
  deleted_at bigint
);
CREATE UNIQUE INDEX notes_community_version ON notes (community_id, version);

CREATE TABLE thanks (
  note_id uuid NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  PRIMARY KEY (note_id, member_id)
);

-- Exactly-once push: the last applied mutation number per (member, client), written with the mutation.
CREATE TABLE client_mutations (
  member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  client_id text NOT NULL,
  last_mutation bigint NOT NULL,
  PRIMARY KEY (member_id, client_id)
);

-- Rejections are answered the same way when a mutation is replayed.
CREATE TABLE rejected_mutations (
  member_id uuid NOT NULL REFERENCES members (id) ON DELETE CASCADE,
  client_id text NOT NULL,
  mutation_number bigint NOT NULL,
  reason text NOT NULL,
  message text NOT NULL,
  PRIMARY KEY (member_id, client_id, mutation_number)
);
