import { describe, expect, it } from 'vitest';
import { createPendingCaptures } from '@/lib/capture/pending';
import type { CaptureRequest } from '@/lib/messaging/protocol';
import type { Membership } from '@/lib/db/sync-state';
import { createCaptureAnswers, TAG_SUGGESTIONS } from './capture-answers';

const request: CaptureRequest = {
  mode: 'selection',
  url: 'https://ex.com/a',
  quote: 'Colocate state with the component that uses it.',
  selectors: [],
  html: '<p>x</p>',
};
const member = (communityId: string, isEnabled: boolean) =>
  ({ communityId, communityName: `Community ${communityId}`, isEnabled }) as Membership;

/** The tag counts of a new service worker still loading: a promise that never settles. */
const neverLoaded = () => new Promise<{ tag: string }[]>(() => undefined);

/** Settles with 'pending' when `p` has not settled after every queued task so far (no wall clock). */
async function settledOrPending<T>(p: Promise<T>): Promise<T | 'pending'> {
  const pending = new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 0));
  return Promise.race([p, pending]);
}

describe('capture answers', () => {
  it('answers the harvest while the tag counts are still loading', async () => {
    const pending = createPendingCaptures();
    const id = pending.add(request, 7, 0);
    const answers = createCaptureAnswers({
      pending,
      topTags: neverLoaded,
      memberships: async () => [member('c1', true), member('c2', false)],
    });
    const answer = await settledOrPending(answers.capture(id));
    expect(answer).toEqual({ ...request, captureId: id, communities: [{ id: 'c1', name: 'Community c1' }] });
    expect(await settledOrPending(answers.tagSuggestions())).toBe('pending');
  });

  it('suggests the most used tags once counted, asking for the panel’s number', async () => {
    let asked = 0;
    const answers = createCaptureAnswers({
      pending: createPendingCaptures(),
      topTags: async (limit) => ((asked = limit), [{ tag: 'react' }, { tag: 'hooks' }]),
      memberships: async () => [],
    });
    expect(await answers.tagSuggestions()).toEqual(['react', 'hooks']);
    expect(asked).toBe(TAG_SUGGESTIONS);
  });

  it('answers null for a harvest it does not hold (used, expired or guessed)', async () => {
    const answers = createCaptureAnswers({
      pending: createPendingCaptures(),
      topTags: neverLoaded,
      memberships: async () => [],
    });
    expect(await answers.capture('not-an-id')).toBeNull();
  });
});
