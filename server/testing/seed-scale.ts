import type { Queryable } from '../src/db/database';

/** How big a seeded company is: issue 19's default is 1M notes, 5,000 members, 50 communities. */
export interface ScaleShape {
  notes: number;
  members: number;
  communities: number;
}

export const COMPANY: ScaleShape = { notes: 1_000_000, members: 5_000, communities: 50 };

/**
 * Fills an empty, migrated database in SQL alone (generate_series; no API, no app process): `communities`
 * communities, `members` members spread over them, each with one token whose secret is `seeded-member-token-<n>`, and
 * `notes` notes written by those members (every tenth a tombstone), one push batch per ten versions (and one ending at each head). Ids are
 * md5-derived, so a test can name any row: community c<k>, member m<j>, note n<i>.
 */
export async function seedScale(db: Queryable, shape: ScaleShape): Promise<void> {
  const { notes, members, communities } = shape;
  await db.query(
    `INSERT INTO communities (id, name, epoch, last_version, created_at)
     SELECT md5('c' || k)::uuid, 'Community ' || k, 'seed', 0, 0 FROM generate_series(1, $1::int) k`,
    [communities],
  );
  // Member j belongs to community (j % C) + 1.
  await db.query(
    `INSERT INTO members (id, community_id, display_name, role, joined_at)
     SELECT md5('m' || j)::uuid, md5('c' || (j % $2::int + 1))::uuid, 'Member ' || j, 'member', 0
       FROM generate_series(1, $1::int) j`,
    [members, communities],
  );
  await db.query(
    `INSERT INTO tokens (id, member_id, hash, created_at)
     SELECT md5('t' || j)::uuid, md5('m' || j)::uuid, encode(sha256(('seeded-member-token-' || j)::bytea), 'hex'), 0
       FROM generate_series(1, $1::int) j`,
    [members],
  );
  // Note i is written by member (i % M) + 1, in that member's community; versions are unique per community.
  await db.query(
    `INSERT INTO notes (id, community_id, author_id, version, hlc, hlc_client, body, body_bytes, deleted_at)
     SELECT md5('n' || i)::uuid, md5('c' || ((i % $2::int + 1) % $3::int + 1))::uuid, md5('m' || (i % $2::int + 1))::uuid,
            i, lpad(i::text, 13, '0') || '-0000', 'seed',
            CASE WHEN i % 10 = 0 THEN NULL ELSE jsonb_build_object(
              'schemaVersion', 1, 'id', md5('n' || i)::uuid, 'kind', 'insight', 'quote', 'Seeded quote ' || i,
              'takeaway', 'Seeded takeaway ' || i, 'tags', jsonb_build_array('seed'), 'selectors', '[]'::jsonb,
              'page', jsonb_build_object('url', 'https://example.org/' || i, 'title', 'Page ' || i),
              'createdAt', 0, 'updatedAt', 0) END,
            CASE WHEN i % 10 = 0 THEN 0 ELSE 330 END,
            CASE WHEN i % 10 = 0 THEN 0 END
       FROM generate_series(1, $1::int) i`,
    [notes, members, communities],
  );
  await db.query(
    `INSERT INTO version_batches (community_id, last_version, token)
     SELECT community_id, version, md5('b' || version)
       FROM (SELECT community_id, version, max(version) OVER (PARTITION BY community_id) AS head FROM notes) n
      WHERE version % 10 = 0 OR version = head`,
  );
  await db.query(
    `UPDATE communities c SET last_version = v.last FROM (SELECT community_id, max(version) AS last FROM notes
      GROUP BY community_id) v WHERE v.community_id = c.id`,
  );
  await db.query('ANALYZE');
}
