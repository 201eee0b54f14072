/**
 * The chat observer's cost on a virtualised channel of 2,000 Slack-markup messages: each batch recycles rows
 * (remove from the top, render at the bottom), as a scrolling client does. Baselines in the same run: no
 * observer, and a MutationObserver whose callback does nothing.
 */
import { JSDOM } from 'jsdom';
import { slack } from '../lib/capture/chat/adapters/slack';
import { observeMessages } from '../lib/capture/chat/observer';

/** `bare`: our observer with an empty onChange (the helper's own overhead); `ours`: onChange re-reads ids. */
export type Mode = 'none' | 'noop' | 'bare' | 'ours';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const macrotask = () => new Promise((r) => setTimeout(r, 0));

/** A Slack message row: the list item and message container the adapter reads, with a sender and text. */
const rowHtml = (ts: string, i: number) =>
  `<div class="c-virtual_list__item" role="listitem" data-qa="virtual-list-item" data-item-key="${ts}">` +
  `<div class="c-message_kit__background" data-qa="message_container" data-msg-ts="${ts}" data-msg-channel-id="C024BE91L">` +
  `<div class="c-message_kit__gutter__right" data-qa="message_content"><button data-qa="message_sender_name" data-message-sender="U${i % 7}">User ${i % 7}</button>` +
  `<a class="c-link c-timestamp" data-ts="${ts}" href="https://acme.slack.com/archives/C024BE91L/p${ts.replace('.', '')}">10:00</a>` +
  `<div data-qa="message-text"><div class="p-rich_text_section">Message ${i} about the sync job.</div></div></div></div></div>`;

/**
 * Median ms per batch the observer itself costs: delivery of the batch's mutation records to its callback
 * plus (ours) the flush. The DOM work of the batch is done outside the timed region: it is the app's cost,
 * the same with or without us, and in jsdom it would drown the observer's.
 */
export async function observerCost(mode: Mode, size = 2000, batches = 150, perBatch = 20): Promise<number> {
  const { window } = new JSDOM('<div role="list"></div>', { url: 'https://app.slack.com/client/T1/C024BE91L' });
  const doc = window.document;
  const list = doc.querySelector('[role="list"]')!;
  let seq = 0;
  const next = () => `${1763632800 + seq}.000100`;
  const rows = (n: number) => {
    let html = '';
    for (let i = 0; i < n; i++, seq++) html += rowHtml(next(), seq);
    const holder = doc.createElement('div');
    holder.innerHTML = html;
    return Array.from(holder.children);
  };
  list.append(...rows(size));

  const stored = new Set(Array.from({ length: 50 }, (_, i) => `${1763632800 + i * 97}.000100`));
  let flushMs = 0;
  let hits = 0;
  const ctl = new AbortController();
  let noop: MutationObserver | undefined;
  if (mode === 'ours' || mode === 'bare') {
    (globalThis as { MutationObserver?: unknown }).MutationObserver = window.MutationObserver;
    observeMessages(
      list,
      (change) => {
        const t = performance.now();
        if (mode === 'bare') return;
        for (const el of change.added)
          for (const m of slack.messagesIn(el)) if (stored.has(m.getAttribute('data-msg-ts') ?? '')) hits++;
        flushMs += performance.now() - t;
      },
      { signal: ctl.signal, debounceMs: 0 },
    );
  } else if (mode === 'noop') {
    noop = new window.MutationObserver(() => {});
    noop.observe(list, { childList: true, subtree: true });
  }

  const times: number[] = [];
  for (let b = 0; b < batches; b++) {
    const fresh = rows(perBatch);
    for (let i = 0; i < perBatch; i++) list.firstElementChild?.remove();
    list.append(...fresh);
    flushMs = 0;
    const t = performance.now();
    await Promise.resolve();
    await Promise.resolve();
    const delivery = performance.now() - t;
    await macrotask(); // the debounced flush runs here and times itself
    times.push(delivery + flushMs);
  }
  ctl.abort();
  noop?.disconnect();
  window.close();
  if (hits < 0) throw new Error('unreachable');
  return median(times);
}
