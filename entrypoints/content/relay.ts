import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { relayInto } from '@/lib/capture/chat/composer/relay';
import { onContentMessage } from '@/lib/messaging/messenger';
import { chatOptions } from './capture';

/**
 * "Relay answer", the page half: the background (never the page: runtime messages only) asks this frame to
 * write a drafted reply into the chat app's composer; the answer says what the composer now holds.
 */
export function registerRelayWriter(ctx: ContentScriptContext) {
  const ours = new WeakMap<Element, string>();
  const off = onContentMessage('writeRelayDraft', async ({ data }) => {
    const at = { hostname: location.hostname, pathname: location.pathname, hash: location.hash };
    const req = {
      draft: String(data?.draft ?? ''),
      ...(data?.ref ? { ref: data.ref } : {}),
      replaceUserDraft: data?.replaceUserDraft === true,
    };
    return relayInto(document, at, req, ours, await chatOptions());
  });
  ctx.onInvalidated(off);
}
