// @vitest-environment node
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeNote } from '../testing/make-note';
import { goldenNotes } from '../testing/export/golden-notes';
import { exportJson, toWebAnnotation } from './json-export';

const GOLDEN = join(__dirname, 'golden');

describe('JSON export', () => {
  it('the golden notes export byte for byte as lib/export/golden/export.json (UPDATE_GOLDEN=1 rewrites it)', () => {
    const { notes, collection } = goldenNotes();
    const text = exportJson(notes, {
      collections: [collection],
      now: Date.UTC(2026, 11, 4, 18),
      id: '0190f000-0000-7000-8000-00000000e0e0',
    });
    const file = join(GOLDEN, 'export.json');
    if (process.env.UPDATE_GOLDEN || !existsSync(file)) writeFileSync(file, text + '\n');
    expect(text + '\n').toBe(readFileSync(file, 'utf8'));
  });

  it('the collection and its page have IRIs, the page is part of the collection and is also the last', () => {
    const doc = JSON.parse(exportJson([makeNote()], { id: '0190f000-0000-7000-8000-00000000e0e1' }));
    expect(doc).toMatchObject({
      id: 'urn:uuid:0190f000-0000-7000-8000-00000000e0e1',
      type: 'AnnotationCollection',
      total: 1,
      first: {
        id: 'urn:uuid:0190f000-0000-7000-8000-00000000e0e1#page-1',
        type: 'AnnotationPage',
        partOf: 'urn:uuid:0190f000-0000-7000-8000-00000000e0e1',
        startIndex: 0,
      },
      last: 'urn:uuid:0190f000-0000-7000-8000-00000000e0e1#page-1',
    });
    const other = JSON.parse(exportJson([makeNote()]));
    expect(other.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(other.id).not.toBe(doc.id);
  });

  it('a note with nothing to say has no body; a tagged one only tagging bodies', () => {
    expect(toWebAnnotation(makeNote({ takeaway: '', tags: [] }))).not.toHaveProperty('body');
    const tagged = toWebAnnotation(makeNote({ takeaway: '', tags: ['a', 'b'] }));
    expect(tagged).toMatchObject({
      motivation: 'tagging',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'a' },
        { type: 'TextualBody', purpose: 'tagging', value: 'b' },
      ],
    });
  });

  it('an answer replies to its question: motivation replying, the question as a second target', () => {
    const question = makeNote({ kind: 'question' });
    const answer = toWebAnnotation(makeNote({ kind: 'answer', links: { answers: question.id } }));
    expect(answer.motivation).toBe('replying');
    expect(answer.target).toEqual([expect.objectContaining({ type: 'SpecificResource' }), `urn:uuid:${question.id}`]);
  });

  it('a creator keeps an IRI id, gets one from a UUID, and has none from a bare local id', () => {
    const by = (id: string) => toWebAnnotation(makeNote({ author: { id, name: 'N' } })).creator;
    expect(by('acct:ana@hypothes.is')).toEqual({ id: 'acct:ana@hypothes.is', type: 'Person', name: 'N' });
    expect(by('0190e000-0000-7000-8000-0000000000aa')).toEqual({
      id: 'urn:uuid:0190e000-0000-7000-8000-0000000000aa',
      type: 'Person',
      name: 'N',
    });
    expect(by('member-7')).toEqual({ type: 'Person', name: 'N' });
  });
});
