import { describe, expect, it } from 'vitest';
import { RITUAL_KINDS } from '../digest/types';
import { formatOccurrenceMarker, parseOccurrenceMarker } from './marker';
import { postWith } from '../testing/ritual-post';
import { renderDiscord, renderEmail, renderMarkdown, renderSlack, renderTeams } from './render';

describe('occurrence marker', () => {
  it('reads back what it writes, for every ritual', () => {
    for (const kind of RITUAL_KINDS) {
      const line = formatOccurrenceMarker({ kind, day: '2026-12-03' });
      expect(line.startsWith('Commonplace · ')).toBe(true);
      expect(parseOccurrenceMarker(`Some post text.\n${line}`)).toEqual({ kind, day: '2026-12-03' });
    }
  });

  it('survives every renderer: the line each format carries reads back as the post’s occurrence', () => {
    const post = postWith('How do we rotate the staging keys?');
    const want = { kind: 'ama', day: '2026-12-15' };
    const outputs = {
      slack: JSON.stringify(renderSlack(post)),
      teams: JSON.stringify(renderTeams(post)),
      // Discord's embed description is Markdown (escaped): the text Discord renders from, not its JSON quoting.
      discord: renderDiscord(post)
        .embeds.map((e) => e.description ?? '')
        .join('\n'),
      mattermost: renderMarkdown(post, 'mattermost'),
      zulip: renderMarkdown(post, 'zulip'),
      discourse: renderMarkdown(post, 'discourse'),
      emailText: renderEmail(post).text,
      emailHtml: renderEmail(post).html,
    };
    for (const [format, out] of Object.entries(outputs))
      expect([format, parseOccurrenceMarker(out)]).toEqual([format, want]);
  });

  it('tolerates what chat apps do to it: Markdown escapes, non-breaking spaces, a bullet for the dot', () => {
    expect(parseOccurrenceMarker('*Commonplace · Win of the Week · 2026\\-12\\-03*')).toEqual({
      kind: 'win-thread',
      day: '2026-12-03',
    });
    expect(parseOccurrenceMarker('Commonplace\u00a0•\u00a0Show and tell\u00a0•\u00a02026-03-05')).toEqual({
      kind: 'show-and-tell',
      day: '2026-03-05',
    });
    expect(parseOccurrenceMarker('commonplace · huddle · 2026-01-07')).toEqual({ kind: 'huddle', day: '2026-01-07' });
  });

  it('the last marker wins (an older post quoted above it is not this post)', () => {
    const text = 'Commonplace · AMA · 2026-11-05\n> quoted\nCommonplace · AMA · 2026-12-03';
    expect(parseOccurrenceMarker(text)).toEqual({ kind: 'ama', day: '2026-12-03' });
  });

  it('is not fooled by near misses: unknown ritual, impossible day, no marker', () => {
    expect(parseOccurrenceMarker('Commonplace · Standup · 2026-12-03')).toBeNull();
    expect(parseOccurrenceMarker('Commonplace · AMA · 2026-02-30')).toBeNull();
    expect(parseOccurrenceMarker('Commonplace · AMA · 2026-13-01')).toBeNull();
    expect(parseOccurrenceMarker('Which test runner do people use?')).toBeNull();
    expect(parseOccurrenceMarker('')).toBeNull();
  });
});
