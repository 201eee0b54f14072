-- Issue 19: several app processes on one PostgreSQL.
--
-- Rate limits per member (and joins per address) are token buckets every process shares, so N processes do
-- not multiply a member's allowance (server/src/http/db-rate-limit.ts). UNLOGGED: a bucket is worth no WAL
-- (a crash forgets them, which only forgives some waiting); fillfactor leaves room for HOT updates, since
-- every request of a member rewrites its row and no indexed column changes.
CREATE UNLOGGED TABLE rate_buckets (
  key text PRIMARY KEY,
  tokens double precision NOT NULL,
  at bigint NOT NULL,
  ok boolean NOT NULL
) WITH (fillfactor = 50);

-- Each process keeps the communities' heads (epoch, last version) it last read, to answer polls at the head
-- without a query (server/src/sync/head-cache.ts). Any change of a head, by whatever path (push, moderation,
-- a new epoch, a restore by hand), tells every listening process which community moved; a TRUNCATE tells
-- them to forget everything ('*'). NOTIFY is delivered after the transaction commits, never before.
CREATE FUNCTION notify_head() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_LEVEL = 'STATEMENT' THEN PERFORM pg_notify('commonplace_head', '*'); ELSE PERFORM pg_notify('commonplace_head', COALESCE(NEW.id, OLD.id)::text); END IF; RETURN NULL; END $$;
CREATE TRIGGER communities_head_moved AFTER UPDATE ON communities FOR EACH ROW
  WHEN (OLD.last_version IS DISTINCT FROM NEW.last_version OR OLD.epoch IS DISTINCT FROM NEW.epoch)
  EXECUTE FUNCTION notify_head();
CREATE TRIGGER communities_head_set AFTER INSERT OR DELETE ON communities FOR EACH ROW
  EXECUTE FUNCTION notify_head();
CREATE TRIGGER communities_head_truncated AFTER TRUNCATE ON communities FOR EACH STATEMENT
  EXECUTE FUNCTION notify_head();
