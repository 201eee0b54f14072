import type { Collection } from '../../collections';
import type { Note } from '../../model';
import { makeBareNote } from '../make-note';

/** Fixed notes for the golden Markdown files: every feature of a wiki page, and hostile text. Tests only. */
export function goldenNotes(): { notes: Note[]; collection: Collection } {
  const page = (url: string, title: string) => ({ url, canonicalUrl: url, title });
  const alice = { id: 'u-alice', name: 'Alice Martin' };
  const at = Date.UTC(2026, 10, 20, 9, 30);
  const notes: Note[] = [
    makeBareNote({
      id: '0190f000-0000-7000-8000-000000000001',
      quote: 'Retries without backoff turn a blip into an outage.',
      takeaway: 'Always add jitter; see our runbook.',
      tags: ['reliability'],
      page: page('https://sre.example/retries#top', 'Retry storms (and how to avoid them)'),
      author: alice,
      createdAt: at,
      updatedAt: at,
    }),
    makeBareNote({
      id: '0190f000-0000-7000-8000-000000000002',
      kind: 'snippet',
      quote: 'for (let i = 0; i < n; i++) {\n  await sleep(base * 2 ** i + Math.random() * 100);\n}\n// ``` inside',
      takeaway: 'Exponential backoff with jitter.',
      tags: ['reliability', 'typescript'],
      page: page('https://code.example/backoff', 'Backoff snippet'),
      author: { id: 'u-bob', name: 'Bob' },
      createdAt: at + 1000,
      updatedAt: at + 1000,
    }),
    makeBareNote({
      id: '0190f000-0000-7000-8000-000000000003',
      quote: '# Not a heading <img src=x onerror=alert(1)> [click](javascript:alert(1))',
      takeaway: '- not a list\n*not emphasis*',
      rich: {
        html:
          '<p>Use <strong>idempotency keys</strong> <a href="javascript:alert(1)">here</a>' +
          '<script>alert(1)</script><img src="https://t.example/pixel.gif"></p><pre><code class="language-sql">' +
          'SELECT 1;</code></pre>',
      },
      page: page('https://blog.example/a_(b)', 'Hostile <b>title</b> | pipes'),
      contributors: [{ id: 'u-carol', name: 'Carol' }, alice],
      createdAt: at + 2000,
      updatedAt: at + 2000,
    }),
    makeBareNote({
      id: '0190f000-0000-7000-8000-000000000004',
      kind: 'question',
      quote: '',
      takeaway: 'Agreed: rotate keys from the admin console.',
      page: page('https://chat.example/archives/C1/p1', 'Slack thread'),
      chat: {
        platform: 'slack',
        channel: 'help',
        threadRoot: { id: 'm1', author: 'Dan', text: 'How do we rotate the API keys?' },
        messages: [
          { id: 'm1', author: 'Dan', text: 'How do we rotate the API keys?', isRoot: true },
          { id: 'm2', author: 'Erin', text: 'Like this:\n```sh\ncp rotate --all\n```\nthen restart.' },
        ],
      },
      createdAt: at + 3000,
      updatedAt: at + 3000,
    }),
  ];
  const collection: Collection = {
    id: 'c-1',
    name: 'Onboarding: reliability',
    description: 'What a new hire should read first.',
    noteIds: [notes[1]!.id, notes[0]!.id, 'deleted-note', notes[2]!.id],
    createdAt: at,
    updatedAt: at,
  };
  return { notes, collection };
}
