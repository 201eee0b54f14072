import { describe, expect, it } from 'vitest';
import { pageKey, type ChatContext } from '../model';
import { DEFAULT_MIN_WORD_SCORE, findSimilar } from './find-similar';
import { SimilarityIndex } from './similarity-index';
import { NEEDS_CORPUS } from '../testing/corpus';
import { corpusSentences } from '../testing/similarity/corpus-sentences';
import { makeNote } from '../testing/make-note';
import { perturb } from '../testing/similarity/seeded';
import { seededRandom } from '../testing/seeded-random';

const pages = corpusSentences();

describe('findSimilar on seeded duplicate and non-duplicate pairs (real corpus sentences)', () => {
  it.skipIf(pages.length === 0)(`finds re-harvests with high precision and recall ${NEEDS_CORPUS}`, () => {
    const rand = seededRandom(8);
    const indexed: { sentence: string; id: string }[] = [];
    const heldOut: string[] = [];
    for (const p of pages) {
      p.sentences.forEach((s, i) => (i % 5 === 4 ? heldOut.push(s) : indexed.push({ sentence: s, id: '' })));
    }
    const notes = indexed.map((row, i) => {
      const note = makeNote({ quote: row.sentence, page: page(`https://source.example/${i}`) });
      row.id = note.id;
      return note;
    });
    const index = SimilarityIndex.build(notes);

    let tp = 0;
    let fp = 0;
    let positives = 0;
    const elsewhere = 'mirror.example/x';
    for (let i = 0; i < indexed.length; i += 3) {
      const target = indexed[i]!;
      positives += 1;
      const hits = findSimilar(index, { quote: perturb(target.sentence, rand), pageKey: elsewhere });
      for (const h of hits) {
        if (h.note.id === target.id) tp += 1;
        else if (h.reasons.includes('similar-words')) fp += 1;
      }
    }
    for (const s of heldOut) {
      for (const h of findSimilar(index, { quote: s, pageKey: elsewhere })) if (h.reasons.length) fp += 1;
    }
    const precision = tp / (tp + fp);
    const recall = tp / positives;
    console.info(
      `similarity @${DEFAULT_MIN_WORD_SCORE}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}` +
        ` (${positives} duplicates, ${heldOut.length} non-duplicates, ${notes.length} notes)`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('findSimilar reasons', () => {
  const url = 'https://blog.example/post?utm_source=x';
  it('offers notes on the same page and the same quote, at most 3, best first', () => {
    const quote = 'Caching is the art of remembering what you already paid for.';
    const same = makeNote({ quote, page: page('https://other.example/a') });
    const samePage = [1, 2, 3].map((i) => makeNote({ quote: `Unrelated sentence number ${i} here`, page: page(url) }));
    const index = SimilarityIndex.build([...samePage, same, makeNote({ quote: 'Nothing alike at all, truly.' })]);
    const hits = findSimilar(index, {
      quote: `  caching is the ART of remembering what you already paid for `,
      pageKey: pageKey(url),
    });
    expect(hits).toHaveLength(3);
    expect(hits[0]!.note.id).toBe(same.id);
    expect(hits[0]!.reasons).toEqual(['same-quote', 'similar-words']);
    expect(hits.slice(1).every((h) => h.reasons.includes('same-page'))).toBe(true);
  });

  it('treats an overlapping selection on the same page as the same quote', () => {
    const long = makeNote({
      quote: 'The quick brown fox jumps over the lazy dog near the river bank.',
      page: page(url),
    });
    const index = SimilarityIndex.build([long]);
    const [hit] = findSimilar(index, { quote: 'fox jumps over the lazy dog', pageKey: pageKey(url) });
    expect(hit!.reasons).toContain('same-quote');
  });

  it('finds the same chat thread from another message, and prefers questions for answers', () => {
    const chat = (id: string): ChatContext => ({
      platform: 'slack',
      workspace: 'acme',
      channel: 'help',
      threadRoot: { id: 'root-1', text: 'How do I rotate the keys?' },
      messages: [{ id, text: 'x' }],
    });
    const question = makeNote({ kind: 'question', quote: 'How do I rotate the keys?', chat: chat('root-1') });
    const other = makeNote({ kind: 'insight', quote: 'Something else entirely said', chat: chat('m-9') });
    const index = SimilarityIndex.build([other, question]);
    const hits = findSimilar(index, { quote: 'Use the admin console, keys tab.', chat: chat('m-2'), kind: 'answer' });
    expect(hits.map((h) => h.note.id)).toEqual([question.id, other.id]);
    expect(hits[0]!.reasons).toContain('same-thread');
  });

  it('forgets removed and tombstoned notes, and leaves out the note being edited', () => {
    const a = makeNote({ quote: 'Measure before you optimise anything at all.' });
    const b = makeNote({ quote: 'Measure before you optimise anything at all.' });
    const index = SimilarityIndex.build([a, b]);
    index.upsert({ ...b, deletedAt: 5 });
    expect(index.size).toBe(1);
    expect(findSimilar(index, { quote: a.quote, excludeId: a.id })).toEqual([]);
    index.remove(a.id);
    expect(findSimilar(index, { quote: a.quote })).toEqual([]);
  });

  it('does not call unrelated text similar', () => {
    const index = SimilarityIndex.build([makeNote({ quote: 'Databases store rows in pages on disk.' })]);
    expect(findSimilar(index, { quote: 'My cat sleeps all afternoon in the sun.' })).toEqual([]);
  });
});

function page(url: string) {
  return { url, canonicalUrl: url, title: 'T' };
}

describe('SimilarityIndex upkeep', () => {
  it('stays correct after many edits (dead slots are compacted away)', () => {
    const notes = Array.from({ length: 1500 }, (_, i) => makeNote({ quote: `Note number ${i} about topic ${i % 7}` }));
    const index = SimilarityIndex.build(notes);
    for (const n of notes.slice(0, 1200))
      index.upsert({ ...n, quote: `${n.quote} edited`, updatedAt: n.updatedAt + 1 });
    for (const n of notes.slice(0, 1000)) index.remove(n.id);
    expect(index.size).toBe(500);
    const [hit] = findSimilar(index, { quote: 'Note number 1100 about topic 1 edited' });
    expect(hit!.note.id).toBe(notes[1100]!.id);
    expect(hit!.reasons).toContain('same-quote');
  });
});
