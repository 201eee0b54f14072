import type { RitualPost } from '../rituals/document';
import { link, text } from '../rituals/document';
import { formatOccurrenceMarker } from '../rituals/marker';

/**
 * Test-only. A post whose member words try every trick each format knows (mentions, links, emphasis, HTML, headings), for
 * golden payloads and the no-injection properties. `member` stands in for any member-written text.
 */
export function postWith(
  member: string,
  name = member,
  url = 'https://wiki.example.org/runbooks/keys?x=1&y=(2)',
): RitualPost {
  return {
    ritualId: 'ama',
    kind: 'ama',
    communityId: 'c1',
    title: 'Ask me anything: Tuesday 15 December 2026',
    day: '2026-12-15',
    blocks: [
      { type: 'heading', text: 'Ask me anything: Tuesday 15 December 2026' },
      { type: 'paragraph', content: [text('Our AMA is on Tuesday 15 December 2026. Add yours in this thread.')] },
      {
        type: 'list',
        items: [
          [link(member, url), text(` (asked by ${name}; two people asked too)`)],
          [link('How do we rotate the staging keys?', 'https://example.org/q/2'), text(' (asked by Sarah)')],
        ],
      },
      { type: 'heading', text: 'People to thank' },
      {
        type: 'list',
        items: [[text(`Thanks, ${name} — your note saved three people time this month: `), link(member, url)]],
      },
      { type: 'divider' },
      { type: 'context', content: [text('Composed by Commonplace from what this community harvested.')] },
      { type: 'context', content: [text(formatOccurrenceMarker({ kind: 'ama', day: '2026-12-15' }))] },
    ],
  };
}

/** Member text written to break out of each format at once. */
export const HOSTILE =
  '*bold* _it_ ~gone~ `code` <@U024BE7LH> <!here> @channel @all @**everyone** <https://evil.example|click> ' +
  '[click](https://evil.example) https://evil.example www.evil.example <b>html</b> &amp; # Heading\n- item | a | b |';
