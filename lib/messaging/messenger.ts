import { defineExtensionMessaging, type ExtensionMessenger } from '@webext-core/messaging';
import type { AnswerOf, ProtocolMap, RequestOf, ToBackground, ToContent, ToSearchHost } from './protocol';

// One extension messenger carries every runtime message (made on first use); each export below is typed by the
// direction's map in protocol.ts, so a key sent to the wrong side does not compile.
let messenger: ExtensionMessenger<ProtocolMap> | undefined;
const runtime = () => (messenger ??= defineExtensionMessaging<ProtocolMap>());

/** C/P→B: a runtime message the background answers. */
export const sendToBackground: ExtensionMessenger<ToBackground>['sendMessage'] = ((...args: never[]) =>
  (runtime().sendMessage as (...a: never[]) => unknown)(...args)) as never;
/** B/P→C: a runtime message to a tab's content script (`tabId`, or `{ tabId, frameId }`). */
export const sendToContent = <K extends keyof ToContent>(
  type: K,
  data: RequestOf<ToContent, K>,
  target: number | { tabId: number; frameId?: number },
): Promise<AnswerOf<ToContent, K>> =>
  (runtime().sendMessage as (...a: unknown[]) => Promise<AnswerOf<ToContent, K>>)(type, data, target);
/** B→S: a runtime message the offscreen document relays to the search host. */
export const sendToSearchHost = <K extends 'searchIndexChanged' | 'compactSearchIndex'>(
  type: K,
  data: RequestOf<ToSearchHost, K>,
): Promise<AnswerOf<ToSearchHost, K>> =>
  (runtime().sendMessage as (...a: unknown[]) => Promise<AnswerOf<ToSearchHost, K>>)(type, data);

/** B: answer a runtime message sent to the background. */
export const onBackgroundMessage: ExtensionMessenger<ToBackground>['onMessage'] = ((...args: never[]) =>
  (runtime().onMessage as (...a: never[]) => () => void)(...args)) as never;
/** C: answer a runtime message sent to this content script. */
export const onContentMessage: ExtensionMessenger<ToContent>['onMessage'] = ((...args: never[]) =>
  (runtime().onMessage as (...a: never[]) => () => void)(...args)) as never;
/** S (offscreen document): receive the background's runtime messages for the search host, to relay them. */
export const onSearchHostMessage: ExtensionMessenger<ToSearchHost>['onMessage'] = ((...args: never[]) =>
  (runtime().onMessage as (...a: never[]) => () => void)(...args)) as never;
