import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import unhomoglyph from 'unhomoglyph';
import { describe, expect, it } from 'vitest';
import { BACKENDS, useTestServer } from '../testing/harness';
import { migrate } from './db/migrate';
import { openPglite } from './db/pglite';
import { displayNameSkeleton } from './display-name-skeleton';

/** Characters nobody sees: each one, anywhere in a name, is refused. */
const INVISIBLES = [
  '\u200B', // zero-width space
  '\u200C', // zero-width non-joiner
  '\u200D', // zero-width joiner
  '\u2060', // word joiner
  '\uFEFF', // zero-width no-break space (BOM)
  '\u00AD', // soft hyphen
  '\u034F', // combining grapheme joiner
  '\u180E', // Mongolian vowel separator
  '\u3164', // Hangul filler
  '\uFE0F', // variation selector 16
  '\u{E0100}', // variation selector 17
  '\u{E0041}', // tag latin capital A
  '\u2061', // function application
  '\u0007', // a control character
];

/** Latin letters and a letter of another script that confusables.txt maps to it (checked below, not assumed). */
const LOOK_ALIKES: Record<string, string[]> = {
  a: ['\u0430'], // Cyrillic а
  c: ['\u0441'], // Cyrillic с
  e: ['\u0435'], // Cyrillic е
  i: ['\u0456'], // Cyrillic і
  o: ['\u043E', '\u03BF'], // Cyrillic о, Greek ο
  p: ['\u0440', '\u03C1'], // Cyrillic р, Greek ρ
  x: ['\u0445'], // Cyrillic х
  y: ['\u0443'], // Cyrillic у
  A: ['\u0410', '\u0391'], // Cyrillic А, Greek Α
  B: ['\u0412', '\u0392'],
  E: ['\u0415', '\u0395'],
  H: ['\u041D', '\u0397'],
  K: ['\u041A', '\u039A'],
  M: ['\u041C', '\u039C'],
  O: ['\u041E', '\u039F'],
  P: ['\u0420', '\u03A1'],
  T: ['\u0422', '\u03A4'],
  X: ['\u0425', '\u03A7'],
};
const NAMES = ['Ada', 'Bea Parker', 'Marie Curie', 'Tom', 'Hope', 'Oskar', 'Pax', 'Kim Ye'];

describe('the look-alike table is Unicode’s, not ours', () => {
  it('each substitute maps to its Latin letter in confusables.txt (through unhomoglyph)', () => {
    for (const [latin, others] of Object.entries(LOOK_ALIKES)) {
      for (const other of others) expect(unhomoglyph(other), `${other} for ${latin}`).toBe(unhomoglyph(latin));
    }
  });
});

describe('displayNameSkeleton', () => {
  it('is equal for names that look alike, in any case or width, and differs for different names', () => {
    const ada = displayNameSkeleton('Ada');
    for (const same of ['ADA', 'ada', '\u0410da', 'Ad\u0430', '\u0391da', '\uFF21\uFF44\uFF41', ' Ada ']) {
      expect(displayNameSkeleton(same), same).toBe(ada);
    }
    expect(displayNameSkeleton('Ada  Lovelace')).toBe(displayNameSkeleton('Ada Lovelace'));
    expect(displayNameSkeleton('Ida')).not.toBe(ada);
    expect(displayNameSkeleton('Ада')).not.toBe(ada); // a whole Cyrillic name is its own
  });
});

describe.each(BACKENDS)('display names on %s', (backend) => {
  const t = useTestServer(backend);
  const rename = (token: string, displayName: string) =>
    t.request('PATCH', '/v1/members/me', { token, body: { displayName } });

  it('refuses invisible and formatting characters (400), on join and rename, and changes nothing', async () => {
    const c = await t.community();
    const bo = await c.member('Bo');
    await t.request('GET', '/v1/members/me', { token: bo.token }); // its token's first use is recorded now
    const before = await t.snapshot();
    for (const ch of INVISIBLES) {
      const res = await rename(bo.token, `B${ch}o`);
      expect([res.status, res.json.error.code], JSON.stringify(ch)).toEqual([400, 'bad_request']);
    }
    expect(await t.snapshot()).toBe(before);
    // Joining (each with an invite of its own, which is all that changes).
    for (const ch of INVISIBLES) await expect(c.member(`Ada${ch}`)).rejects.toThrow(/join failed: 400/);
    const { json } = await t.request('GET', '/v1/members', { token: bo.token });
    expect(json.members.map((m: { displayName: string }) => m.displayName).sort()).toEqual(['Admin', 'Bo']);
  });

  it('refuses a look-alike of a member’s name (409, saying why), and accepts whole-script names', async () => {
    const c = await t.community();
    const ada = await c.member('Ada');
    const bo = await c.member('Bo');
    const lookAlike = await rename(bo.token, '\u0410da');
    expect([lookAlike.status, lookAlike.json.error.code]).toEqual([409, 'conflict']);
    expect(lookAlike.json.error.message).toMatch(/looks like another member’s/);
    expect(lookAlike.json.error.message).not.toContain('Ada');
    await expect(c.member('\u0391da')).rejects.toThrow(/join failed: 409.*looks like/);
    const fullWidth = await rename(bo.token, '\uFF21\uFF44\uFF41');
    expect([fullWidth.status, fullWidth.json.error.message]).toEqual([
      409,
      'That display name is taken in this community',
    ]);
    for (const name of ['Ада', 'Ольга', 'Ελένη', '山田太郎', 'Ἀθηνᾶ']) {
      expect((await c.member(name)).member.displayName).toBe(name);
    }
    // Stored in NFKC, and one's own name in other letters is still one's own.
    expect((await c.member('\uFF2D\uFF41\uFF52\uFF49\uFF45')).member.displayName).toBe('Marie');
    expect((await rename(ada.token, 'ADA')).status).toBe(200);
    // Another community, and a removed member's name, are free.
    expect((await (await t.community('Other')).member('\u0410da')).member.displayName).toBe('\u0410da');
    expect((await t.request('DELETE', `/v1/members/${ada.member.id}`, { token: c.admin.token })).status).toBe(204);
    expect((await c.member('\u0410da')).member.displayName).toBe('\u0410da');
  });

  it('property: an invisible character anywhere → 400; a look-alike substitution of a member’s name → 409; never 500', async () => {
    const c = await t.community();
    const holders = new Map<string, Awaited<ReturnType<typeof c.member>>>();
    for (const name of NAMES) holders.set(name, await c.member(name));
    const newcomer = await c.member('Newcomer');
    const invisibleAnywhere = fc
      .tuple(fc.constantFrom(...NAMES), fc.constantFrom(...INVISIBLES), fc.nat())
      .map(([name, ch, at]) => {
        const i = at % (name.length + 1);
        return name.slice(0, i) + ch + name.slice(i);
      });
    const substitutable = NAMES.filter((n) => [...n].some((ch) => LOOK_ALIKES[ch]));
    const lookAlike = fc
      .tuple(fc.constantFrom(...substitutable), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }))
      .map(([name, picks]) => {
        const chars = [...name];
        const spots = chars.flatMap((ch, i) => (LOOK_ALIKES[ch] ? [i] : []));
        for (const p of picks) {
          const i = spots[p % spots.length]!;
          const options = LOOK_ALIKES[name[i]!]!;
          chars[i] = options[p % options.length]!;
        }
        return chars.join('');
      })
      .filter((n) => !NAMES.includes(n));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          invisibleAnywhere.map((n) => [n, 400] as const),
          lookAlike.map((n) => [n, 409] as const),
        ),
        async ([name, expected]) => {
          const renamed = await rename(newcomer.token, name);
          expect(renamed.status, JSON.stringify(name)).toBe(expected);
          const joined = await t.request('POST', '/v1/join', { body: { code: 'A'.repeat(22), displayName: name } });
          expect(joined.status).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
    const me = await t.request('GET', '/v1/members/me', { token: newcomer.token });
    expect(me.json.displayName).toBe('Newcomer');
  });
});

describe('migration 009 on existing data', () => {
  it('gives every member a skeleton, and renames a later look-alike " (2)" so the unique index holds', async () => {
    const db = await openPglite();
    try {
      await migrate(db, { upTo: '008' });
      const community = randomUUID();
      await db.query(`INSERT INTO communities (id, name, epoch, created_at) VALUES ($1, 'One', 'e', 1)`, [community]);
      const members = [
        [randomUUID(), 'Ada', 1, null],
        [randomUUID(), '\u0410da', 2, null], // Cyrillic А: joined before 009 existed
        [randomUUID(), 'Ad\u0430', 3, 5], // removed: keeps its name
        [randomUUID(), 'Ελένη', 4, null],
      ] as const;
      for (const [id, name, joinedAt, removedAt] of members) {
        await db.query(
          `INSERT INTO members (id, community_id, display_name, role, joined_at, removed_at)
           VALUES ($1, $2, $3, 'member', $4, $5)`,
          [id, community, name, joinedAt, removedAt],
        );
      }
      // 009 and whatever migrations came after it: this test is about 009's backfill, not the list.
      expect((await migrate(db))[0]).toBe('009_display_name_skeleton.sql');
      const { rows } = await db.query<{ display_name: string; display_name_skeleton: string }>(
        'SELECT display_name, display_name_skeleton FROM members ORDER BY joined_at',
      );
      expect(rows.map((r) => r.display_name)).toEqual(['Ada', '\u0410da (2)', 'Ad\u0430', 'Ελένη']);
      for (const r of rows) expect(r.display_name_skeleton).toBe(displayNameSkeleton(r.display_name));
      expect(await migrate(db)).toEqual([]); // nothing left to fill
    } finally {
      await db.close();
    }
  }, 120_000); // a fresh PGlite migrated twice: seconds alone, much more on a loaded 2-core machine
});
