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
