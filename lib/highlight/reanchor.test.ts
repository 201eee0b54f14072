// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRange } from '../anchoring';
import { startReanchoring, type AnchorNote } from './reanchor';
import type { PaintItem, Painter } from './types';

/** Records what would be painted; the real painters are tested on their own. */
function recordingPainter() {
  const log: { painted: PaintItem[][]; destroyed: boolean; cleared: number } = {
    painted: [],
    destroyed: false,
    cleared: 0,
  };
  const painter: Painter = {
    kind: 'overlay',
    paint: (items) => void log.painted.push([...items]),
    clear: () => void log.cleared++,
    destroy: () => void (log.destroyed = true),
    hitTest: () => null,
  };
  return { painter, log };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function noteFor(id: string, needle: string, isOwn = true): AnchorNote {
  const p = [...document.querySelectorAll('p')].find((el) => el.textContent?.includes(needle))!;
  const text = p.firstChild as Text;
  const r = document.createRange();
  r.setStart(text, text.data.indexOf(needle));
  r.setEnd(text, text.data.indexOf(needle) + needle.length);
  return { id, isOwn, selectors: describeRange(r, document.body) };
}

describe('startReanchoring', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    document.body.innerHTML =
      '<p>Plant garlic in autumn, pointy end up.</p><p>Late content will arrive below.</p><p>Harvest when the leaves brown.</p>';
  });
  afterEach(() => controller.abort());

  it('paints anchored notes, reports orphans, and re-anchors when late content arrives', async () => {
    const own = noteFor('own', 'pointy end up');
    const community = noteFor('community', 'leaves brown', false);
    const late = { ...noteFor('late', 'Late content'), id: 'late' };
    document.querySelectorAll('p')[1]!.textContent = 'Loading…';
    const { painter, log } = recordingPainter();
    const orphanReports: string[][] = [];
    const r = startReanchoring({
      root: document.body,
      notes: [own, community, late],
      signal: controller.signal,
      painter,
      debounceMs: 10,
      onOrphans: (o) => orphanReports.push(o.map((n) => n.id)),
    });
    expect(log.painted[0]!.map((i) => [i.id, i.isOwn, i.range.toString()])).toEqual([
      ['own', true, 'pointy end up'],
      ['community', false, 'leaves brown'],
    ]);
    expect(orphanReports).toEqual([['late']]);

    document.querySelectorAll('p')[1]!.textContent = 'Late content will arrive below.';
    await sleep(60);
    expect(orphanReports).toEqual([['late'], []]);
    expect(r.ranges.get('late')?.toString()).toBe('Late content');
  });

  it('stops observing and clears a passed-in painter on abort', async () => {
    const { painter, log } = recordingPainter();
    startReanchoring({
      root: document.body,
      notes: [noteFor('a', 'garlic')],
      signal: controller.signal,
      painter,
      debounceMs: 5,
    });
    const passes = log.painted.length;
    controller.abort();
    expect(log.cleared).toBe(1);
    expect(log.destroyed).toBe(false);
    document.body.append(document.createElement('p'));
    await sleep(30);
    expect(log.painted.length).toBe(passes);
  });

  it('ignores changes inside its own overlay host', async () => {
    const { painter, log } = recordingPainter();
    const host = document.createElement('commonplace-highlights');
    host.setAttribute('data-commonplace-ignore', '');
    document.body.append(host);
    startReanchoring({
      root: document.body,
      notes: [noteFor('a', 'garlic')],
      signal: controller.signal,
      painter,
      debounceMs: 5,
    });
    host.append(document.createElement('div'));
    await sleep(30);
    expect(log.painted.length).toBe(1);
  });
});
