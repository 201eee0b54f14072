import type { SearchResultLine } from '@/components/digest/DigestSearch';
import { notesRepository, type CommonplaceDb } from '@/lib/db';
import { PERSONAL, type PersonToThank } from '@/lib/digest';
import type { Person } from '@/lib/model';
import { LOCAL_ME, type Identity } from './identity';

/** The user as a community knows them (undefined for personal notes, which carry no author). */
function meIn(identity: Identity, communityId: string | null | undefined): Person | undefined {
  const memberId = communityId ? identity.memberIds[communityId] : undefined;
  return memberId ? { id: memberId, name: identity.displayName || 'Me' } : undefined;
}

/**
 * Writes an answer note linked to the question (same community and page), through the notes repository so it
 * is validated and queued for sync like any harvest. Resolves to an error message, or null.
 */
export async function answerQuestion(
  db: CommonplaceDb,
  identity: Identity,
  questionId: string,
  text: string,
): Promise<string | null> {
  const question = await db.notes.get(questionId);
  if (!question || question.deletedAt !== undefined) return 'That question is gone.';
  const created = await notesRepository(db).create(
    {
      kind: 'answer',
      quote: '',
      takeaway: text,
      tags: [],
      selectors: [],
      page: question.page,
      links: { answers: question.id },
      communityId: question.communityId ?? null,
    },
    meIn(identity, question.communityId),
  );
  return created.ok ? null : created.error;
}

/** Records a thank (one per note and member, so thanking twice changes nothing). */
export async function thankContributor(
  db: CommonplaceDb,
  identity: Identity,
  p: PersonToThank,
): Promise<string | null> {
  const cm = p.note.communityId;
  const me = meIn(identity, cm);
  const memberId = me?.id ?? LOCAL_ME;
  await db.thanks.put({
    id: `${p.note.id}:${memberId}`,
    noteId: p.note.id,
    memberId,
    ...(me ? { memberName: me.name } : {}),
    communityId: cm ?? PERSONAL,
    createdAt: Date.now(),
  });
  return null;
}

/**
 * Search for the new tab, loaded on the first keystroke so it never slows the first paint. Builds lib/search's
 * index from the notes once per tab. TODO(2026-11-27): reuse the popup's persisted index once one exists.
 */
export function lazySearch(db: CommonplaceDb): (q: string) => Promise<SearchResultLine[]> {
  let ready: Promise<(q: string) => SearchResultLine[]> | null = null;
  const load = async () => {
    const [{ SearchIndex, toSearchDoc }, notes] = await Promise.all([import('@/lib/search'), db.notes.toArray()]);
    const live = notes.filter((n) => n.deletedAt === undefined);
    const titles = new Map(live.map((n) => [n.id, n.takeaway || n.quote || n.page.title]));
    const index = SearchIndex.build(live.map((n) => toSearchDoc(n)));
    return (q: string) => index.search(q, { limit: 8 }).map((h) => ({ id: h.id, title: titles.get(h.id) ?? '' }));
  };
  return async (q) => (await (ready ??= load()))(q);
}
