import { HAS_TEST_HOOKS } from '@/lib/build/test-hooks';
import { onContentMessage } from '@/lib/messaging/messenger';
import { chatOptions, closePanel, currentSelectionRange, openCapturePanel } from './capture';
import { registerHarvestButton } from './harvest-button';
import { registerHighlightCard } from './highlight-hover';
import { createHighlights } from './highlights';
import { createUiHost, type UiHost } from './ui-host';
import { registerRelayWriter } from './relay';
import { logger } from '@/lib/log';

const log = logger('content');

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // The page shares this timeline: marks only in test builds (bench:paint reads them), never in production.
    if (HAS_TEST_HOOKS) performance.mark('commonplace:content-start');
    let host: UiHost | null = null;
    const getHost = () => (host ??= createUiHost(document));
    ctx.onInvalidated(() => host?.destroy());

    const highlights = createHighlights(ctx.signal, chatOptions);
    const repaint = () => void highlights.refresh().catch(log.failed('repaint'));
    repaint();
    // Single-page apps change URL without a load: the new URL has notes of its own.
    ctx.addEventListener(window, 'wxt:locationchange', repaint);

    registerHighlightCard(ctx, getHost, highlights);
    registerRelayWriter(ctx);
    registerHarvestButton(ctx, getHost, (range) => void openCapturePanel(getHost(), 'selection', { range }));

    // The element last right-clicked: "Harvest thread" harvests the thread around it.
    let contextTarget: Node | null = null;
    ctx.addEventListener(document, 'contextmenu', (e) => {
      if (e.isTrusted) contextTarget = e.target as Node;
    });

    // Only the extension can reach this listener (runtime messages); the page's postMessage never does.
    const offStart = onContentMessage('startHarvest', ({ data }) => {
      const mode = data.mode === 'link' || data.mode === 'page' || data.mode === 'thread' ? data.mode : 'selection';
      const selection = currentSelectionRange();
      void openCapturePanel(getHost(), mode, {
        range: mode === 'selection' ? selection : null,
        threadNode: mode === 'thread' ? (contextTarget ?? selection?.startContainer ?? null) : null,
        linkUrl: data.linkUrl,
        linkText: data.linkText,
      });
    });
    // A saved harvest is painted as soon as the save is confirmed, not when its panel closes a moment later.
    const paintedOnSave = new Set<string>();
    const offSaved = onContentMessage('captureSaved', ({ data }) => {
      paintedOnSave.add(String(data.captureId));
      repaint();
    });
    const offClosed = onContentMessage('captureClosed', ({ data }) => {
      if (host) closePanel(host, data.captureId);
      if (data.isSaved && !paintedOnSave.delete(String(data.captureId))) repaint();
    });
    const offStatus = onContentMessage('getPageStatus', () => highlights.status());
    ctx.onInvalidated(() => {
      offStart();
      offSaved();
      offClosed();
      offStatus();
    });
  },
});
