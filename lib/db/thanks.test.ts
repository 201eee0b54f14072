import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CommonplaceDb, type ThankRow } from './schema';
import { thanksRepository } from './thanks';

let n = 0;
const dbs: CommonplaceDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const open = () => {
  const db = new CommonplaceDb(`thanks-${n++}`);
  dbs.push(db);
  return db;
};

const NOTES = [
  '0190a1b2-0000-7000-8000-00000000000a',
  '0190a1b2-0000-7000-8000-00000000000b',
  '0190a1b2-0000-7000-8000-00000000000c',
];
const MEMBERS = ['m1', 'm2', 'member:with:colons'];
const thank = (note: number, member: number, communityId = 'c1'): ThankRow => ({
  id: `${NOTES[note]!}:${MEMBERS[member]!}`,
  noteId: NOTES[note]!,
  memberId: MEMBERS[member]!,
  communityId,
  createdAt: 1,
});

/** The count the archive's pick needs, from the rows themselves. */
/** Each note's thanks' keys, grouped from the rows themselves (in key order, as the store gives them). */
async function keysFromRows(db: CommonplaceDb): Promise<Map<string, string[]>> {
  const keys = new Map<string, string[]>();
  for (const r of await db.thanks.toArray()) keys.set(r.noteId, [...(keys.get(r.noteId) ?? []), r.id]);
  return keys;
}

type Op =
  | { op: 'put'; note: number; member: number; community: 'c1' | 'c2' }
  | { op: 'delete'; note: number; member: number }
  | { op: 'deleteNote'; note: number }
  | { op: 'deleteCommunity'; community: 'c1' | 'c2' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('put' as const),
    note: fc.nat(2),
    member: fc.nat(2),
    community: fc.constantFrom('c1' as const, 'c2' as const),
  }),
  fc.record({ op: fc.constant('delete' as const), note: fc.nat(2), member: fc.nat(2) }),
  fc.record({ op: fc.constant('deleteNote' as const), note: fc.nat(2) }),
  fc.record({ op: fc.constant('deleteCommunity' as const), community: fc.constantFrom('c1' as const, 'c2' as const) }),
);

describe('thanks per note', () => {
  it('equal the rows grouped by note after any interleaving of thanks, unthanks and removals', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 30 }), async (ops) => {
        const db = open();
        const repo = thanksRepository(db);
        for (const o of ops) {
          if (o.op === 'put') await repo.put(thank(o.note, o.member, o.community));
          else if (o.op === 'delete') await repo.delete(thank(o.note, o.member).id);
          else if (o.op === 'deleteNote') await db.thanks.where('noteId').equals(NOTES[o.note]!).delete();
          else await repo.deleteCommunity(o.community);
          expect(await repo.keysPerNote()).toEqual(await keysFromRows(db));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('read the rows themselves when a key is not `${noteId}:${memberId}`', async () => {
    const db = open();
    const odd = { ...thank(1, 0), id: 'written-around-the-repository' };
    await db.thanks.bulkPut([thank(0, 0), thank(0, 1), odd]);
    expect(await thanksRepository(db).keysPerNote()).toEqual(
      new Map([
        [NOTES[0]!, [thank(0, 0).id, thank(0, 1).id]],
        [NOTES[1]!, [odd.id]],
      ]),
    );
  });
});
