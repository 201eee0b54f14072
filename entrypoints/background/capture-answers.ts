import type { PendingCapture } from '@/lib/messaging/protocol';
import type { PendingCaptures } from '@/lib/capture/pending';
import type { Membership } from '@/lib/db/sync-state';

/** How many of the most used tags the capture panel may suggest. */
export const TAG_SUGGESTIONS = 50;

export interface CaptureSources {
  pending: PendingCaptures;
  /** The most used tags, best first (a new service worker counts them first: seconds at 100k notes). */
  topTags(limit: number): Promise<{ tag: string }[]>;
  memberships(): Promise<Membership[]>;
}

/**
 * The capture panel's two questions, answered apart: the harvest itself (what the user just selected, and
 * where it may be shared) never waits for the tag counts, which a freshly started service worker has to
 * load first; the panel asks for the suggestions once its quote is on screen and says they are loading.
 */
export function createCaptureAnswers({ pending, topTags, memberships }: CaptureSources) {
  return {
    async capture(captureId: string): Promise<PendingCapture | null> {
      const entry = pending.get(captureId);
      if (!entry) return null;
      const communities = (await memberships())
        .filter((m) => m.isEnabled)
        .map((m) => ({ id: m.communityId, name: m.communityName }));
      return { ...entry.request, captureId, communities };
    },
    async tagSuggestions(): Promise<string[]> {
      return (await topTags(TAG_SUGGESTIONS)).map((t) => t.tag);
    },
  };
}
