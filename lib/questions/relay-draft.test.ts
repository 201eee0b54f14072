import { describe, expect, it } from 'vitest';
import { relayDraft } from './relay-draft';
import { answer, question } from '../testing/questions';

describe('relayDraft', () => {
  const q = question('ann');
  it('gist, link, and a credit line naming who found it and the channel', () => {
    const a = answer(q, 'bob', 1, {
      contributors: [{ id: 'u1', name: 'Sarah' }],
      chat: { platform: 'slack', channel: 'infra', messages: [], isPrivate: false },
    });
    expect(relayDraft(a, 'https://notes.example/n/1')).toBe(
      'Use the dual-password window: add the new one, roll the apps, drop the old one.\n\n' +
        'https://notes.example/n/1\n\nThanks to Sarah, who found this in #infra',
    );
  });

  it('credits the harvester and the site when no chat author is quoted; long answers are cut to a gist', () => {
    const a = answer(q, 'bob', 1, { takeaway: 'x '.repeat(400) });
    const draft = relayDraft(a, 'https://notes.example/n/2').split('\n\n');
    expect(draft[0]).toHaveLength(280);
    expect(draft[0]!.endsWith('…')).toBe(true);
    expect(draft[2]).toBe(`Thanks to bob, who found this in ${new URL(a.page.url).hostname}`);
  });
});

describe('relayDraft in each app’s markup (goldens)', () => {
  const q = question('ann');
  // Member words that would be markup, a link or a ping if they went into a thread as markup.
  const a = answer(q, 'bob', 1, {
    takeaway: 'Use the *dual* password window, see [docs](javascript:alert(1)) <!here> @channel',
    contributors: [{ id: 'u1', name: 'Sarah_O' }],
    chat: { platform: 'slack', channel: 'infra-ops', messages: [], isPrivate: false },
  });
  const link = 'https://wiki.example.org/rotate_(staging)';
  const J = '\u2060';

  it('plain (Teams, Google Chat, unknown apps): text as typed, mentions parted', () => {
    expect(relayDraft(a, link, 'plain')).toBe(
      `Use the *dual* password window, see [docs](javascript:alert(1)) <!here> @${J}channel\n\n` +
        `${link}\n\nThanks to Sarah_O, who found this in #infra-ops`,
    );
  });

  it("Slack: its composer's *bold* for the name, the bare address (Slack links it), mentions parted", () => {
    expect(relayDraft(a, link, 'slack')).toBe(
      `Use the *dual* password window, see [docs](javascript:alert(1)) <!here> @${J}channel\n\n` +
        `${link}\n\nThanks to *Sarah_O*, who found this in #infra-ops`,
    );
  });

  it('Markdown (Zulip, Mattermost, Discourse, GitHub): member words escaped, a [host](url) link, **bold** name', () => {
    expect(relayDraft(a, link, 'markdown')).toBe(
      `Use the \\*dual\\* password window\\, see \\[docs\\]\\(javascript\\:alert\\(1\\)\\) \\<\\!here\\> \\@${J}channel\n\n` +
        '[wiki\\.example\\.org](https://wiki.example.org/rotate%5F%28staging%29)\n\n' +
        'Thanks to **Sarah\\_O**, who found this in \\#infra\\-ops',
    );
  });

  it('Discord: the same escapes, the address in <…> so no preview card unfolds', () => {
    expect(relayDraft(a, link, 'discord')).toBe(
      `Use the \\*dual\\* password window\\, see \\[docs\\]\\(javascript\\:alert\\(1\\)\\) \\<\\!here\\> \\@${J}channel\n\n` +
        '<https://wiki.example.org/rotate%5F%28staging%29>\n\n' +
        'Thanks to **Sarah\\_O**, who found this in \\#infra\\-ops',
    );
  });

  it('leaves out the link and the credit lines in every markup when there are none', () => {
    const bare = answer(q, 'bob', 1, { author: undefined, takeaway: 'Outlined.' });
    for (const f of ['plain', 'slack', 'markdown', 'discord'] as const) {
      expect(relayDraft(bare, '', f)).toBe(f === 'markdown' || f === 'discord' ? 'Outlined\\.' : 'Outlined.');
    }
  });
});
