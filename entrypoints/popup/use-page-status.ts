import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { sendToContent } from '@/lib/messaging/messenger';
import { type PageStatus } from '@/lib/messaging/protocol';

/** The active tab's notes as its content script sees them (null where no content script runs). */
export function usePageStatus() {
  const [status, setStatus] = useState<PageStatus | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    void (async () => {
      // `?tabId=` names the tab when the popup is opened as a page of its own (tests, a pinned window).
      const named = Number(new URLSearchParams(location.search).get('tabId'));
      const tabId = named || (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      if (tabId === undefined) return;
      // A tab without our content script (chrome://, the web store) has no status: the view says so.
      const s = await sendToContent('getPageStatus', undefined, tabId).catch(() => null);
      if (isCurrent) setStatus(s);
    })();
    return () => {
      isCurrent = false;
    };
  }, [generation]);
  return { status, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}
