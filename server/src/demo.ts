import { displayNameSkeleton } from './display-name-skeleton';
import { uuidv7 } from 'uuidv7';
import { NOTE_SCHEMA_VERSION, NoteSchema, pageKey } from '../../lib/model';
import { formatHlc } from '../../lib/sync/hlc';
import { formatInviteLink, type Mutation } from '../../lib/sync/protocol';
import { DEFAULT_LIMITS } from './app';
import { createCommunity } from './bootstrap';
import type { Database } from './db/database';
import { createInvite } from './db/invites';
import { issueToken } from './db/join';
import { DEMO_MEMBERS, DEMO_NOTES } from './demo-notes';
import type { AuthContext } from './http/env';
import { push } from './sync/push';
import { WrittenBatches } from './sync/batches';

/**
 * Seeds a demo community (several members, notes, thanks, one deleted note) through the real push path, so
 * the popup and digest show something on first run. Returns an invite link to join it.
 */
export async function seedDemo(
  db: Database,
  publicUrl: string,
  at = Date.now(),
): Promise<{ communityId: string; inviteLink: string }> {
  const existing = await db.query<{ id: string }>('SELECT id FROM communities WHERE name = $1', [DEMO_NAME]);
  const found = existing.rows[0]?.id;
  if (found) return { communityId: found, inviteLink: await demoInvite(db, publicUrl, found, null, at) };
  const communityId = await createCommunity(db, DEMO_NAME, at);
  const members: AuthContext[] = [];
  for (const [i, name] of DEMO_MEMBERS.entries()) {
    const memberId = uuidv7();
    const role = i === 0 ? 'admin' : i === 1 ? 'facilitator' : 'member';
    await db.query(
      `INSERT INTO members (id, community_id, display_name, display_name_skeleton, role, joined_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [memberId, communityId, name, displayNameSkeleton(name), role, at - (10 - i) * 86_400_000],
    );
    const { tokenId } = await issueToken(db, memberId, at);
    members.push({ tokenId, memberId, communityId, role, displayName: name });
  }
  const counters = members.map(() => 0);
  // The seeding is one writer, like one process: one history generation (sync/batches.ts).
  const written = new WrittenBatches();
  type Op =
    { op: 'create'; note: Extract<Mutation, { op: 'create' }>['note'] } | { op: 'thank' | 'delete'; noteId: string };
  const send = (who: number, m: Op, t: number) =>
    push(
      db,
      members[who]!,
      [{ ...m, clientId: `demo-client-${who}`, mutationNumber: ++counters[who]!, hlc: formatHlc(t, 0) } as Mutation],
      t,
      DEFAULT_LIMITS,
      written,
    );
  const ids: string[] = [];
  for (const [i, d] of DEMO_NOTES.entries()) {
    const t = at - (DEMO_NOTES.length - i) * 3_600_000;
    const note = NoteSchema.parse({
      schemaVersion: NOTE_SCHEMA_VERSION,
      id: uuidv7(),
      kind: d.kind,
      quote: d.quote,
      takeaway: d.takeaway,
      tags: d.tags,
      selectors: [{ type: 'TextQuoteSelector', exact: d.quote }],
      page: { url: d.url, canonicalUrl: d.url, title: d.title, siteName: d.siteName },
      pageKey: pageKey(d.url),
      createdAt: t,
      updatedAt: t,
      communityId,
    });
    ids.push(note.id);
    await send(d.by, { op: 'create', note }, t);
    for (const who of d.thankedBy) await send(who, { op: 'thank', noteId: note.id }, t + 60_000);
  }
  // A note written in haste and deleted: the tombstone travels too.
  const oops = DEMO_NOTES[0]!;
  const draft = NoteSchema.parse({
    schemaVersion: NOTE_SCHEMA_VERSION,
    id: uuidv7(),
    kind: 'insight',
    quote: oops.quote,
    takeaway: 'duplicate, ignore',
    tags: [],
    selectors: [],
    page: { url: oops.url, canonicalUrl: oops.url, title: oops.title },
    pageKey: pageKey(oops.url),
    createdAt: at - 1000,
    updatedAt: at - 1000,
  });
  await send(0, { op: 'create', note: draft }, at - 1000);
  await send(0, { op: 'delete', noteId: draft.id }, at - 500);
  return { communityId, inviteLink: await demoInvite(db, publicUrl, communityId, members[0]!.memberId, at) };
}

const DEMO_NAME = 'Demo: web craft circle';

/** A 20-use member invite, so several browser profiles can join the demo. */
async function demoInvite(db: Database, publicUrl: string, communityId: string, by: string | null, at: number) {
  const expiresAt = at + 30 * 86_400_000;
  const { code } = await createInvite(db, { communityId, role: 'member', maxUses: 20, expiresAt, createdBy: by, at });
  return formatInviteLink(publicUrl, code);
}
