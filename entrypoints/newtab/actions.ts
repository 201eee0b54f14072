import { searchClient } from '@/lib/search-host';
import type { SearchResultLine } from '@/components/digest/DigestSearch';
import { notesRepository, type CommonplaceDb } from '@/lib/db';
import { thanksRepository } from '@/lib/db/thanks';
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
 * is validated and queued for sync like any harvest. Resolves to an error message, or null. `written` hears
 * the new note's id.
 */
export async function answerQuestion(
  db: CommonplaceDb,
  identity: Identity,
  questionId: string,
  text: string,
  written: (id: string) => void = () => undefined,
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
  if (!created.ok) return created.error;
  written(created.value.id);
  return null;
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
  await thanksRepository(db).put({
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
 * Search for the new tab: the popup's search client (one implementation, two callers). On Chrome the warm
 * search host answers with the notes, so this page neither decodes the index nor reads a row.
 */
export async function searchLines(q: string): Promise<SearchResultLine[]> {
  const found = await searchClient().search(q, 8);
  // Null: a newer query is under way; its answer replaces this one.
  return (found ?? []).map((n) => ({ id: n.id, title: n.takeaway || n.quote || n.page.title }));
}
