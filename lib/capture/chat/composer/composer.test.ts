import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { FIXTURE_ROOT, loadFixtures, locationOf } from '../../../../tests/fixtures/chat/load';
import { adapterFor } from '../index';
import { slack } from '../adapters/slack';
import { zulip } from '../adapters/zulip';
import { composerText, fallbackComposer, findComposer, writeComposer } from './index';
import { relayInto } from './relay';

const fixture = (platform: string, name: string) => loadFixtures(platform).find((f) => f.name === name)!;
const DRAFT =
  'Outlined, per the guidelines.\n\nhttps://design.example.com/icons\n\nThanks to Grace, who found this in #design';

describe('Slack composer (real: slack/thread-2021.html, a Quill editor)', () => {
  const f = fixture('slack', 'thread-2021');

  it("finds the thread pane's Quill editor for a message of the thread", () => {
    const { doc } = f.open();
    const root = slack.messagesIn(doc)[0]!;
    const el = findComposer(slack, doc, root);
    expect(el?.via).toBe('adapter');
    expect(el?.el.classList.contains('ql-editor')).toBe(true);
    expect(el?.el.getAttribute('aria-label')).toBe('Reply…');
    expect(el?.el.closest('[data-qa="message_input"]')?.getAttribute('data-thread-ts')).toBe(
      f.expected.messages[0]!.id,
    );
    expect(composerText(el!.el)).toBe('');
  });

  it("falls back to the thread's [contenteditable][role=textbox] when Slack renames its hooks", () => {
    const html = f.html.replaceAll('data-qa="message_input"', 'data-qa="composer_v2"');
    const doc = new JSDOM(html, { url: f.expected.url }).window.document;
    const found = findComposer(slack, doc, slack.messagesIn(doc)[0]!);
    expect(found?.via).toBe('fallback');
    expect(found?.el.getAttribute('aria-label')).toBe('Reply…');
  });

  it('never overwrites words the user typed (asks first), and leaves them as they were', () => {
    const { doc } = f.open();
    const editor = findComposer(slack, doc, slack.messagesIn(doc)[0]!)!.el;
    editor.innerHTML = '<p>half a thought of mine</p>';
    expect(writeComposer(editor, DRAFT)).toEqual({ status: 'user-draft', holds: 'half a thought of mine' });
    expect(editor.innerHTML).toBe('<p>half a thought of mine</p>');
  });
});

describe('Zulip composer (the compose box of zulip/zulip web/templates/compose.hbs)', () => {
  const f = fixture('zulip', 'channel');

  it('finds #compose-textarea, not the topic input or the recipient pill editor', () => {
    const { doc } = f.open();
    const found = findComposer(zulip, doc, zulip.messagesIn(doc)[0]!);
    expect(found?.via).toBe('adapter');
    expect(found?.el.id).toBe('compose-textarea');
  });

  it('writes through the native value setter and fires input then change, as typing does', () => {
    const { doc, window } = f.open();
    const el = doc.querySelector<HTMLTextAreaElement>('#compose-textarea')!;
    // A framework that wraps `value` on the element (React's value tracker does) must not swallow the write.
    let wrapped = '';
    Object.defineProperty(el, 'value', {
      configurable: true,
      get: () => Object.getOwnPropertyDescriptor(window.HTMLTextAreaElement.prototype, 'value')!.get!.call(el),
      set: (v: string) => {
        wrapped = v;
      },
    });
    const seen: string[] = [];
    el.addEventListener('input', (e) => seen.push(`${e.type}:${el.value}:${(e as InputEvent).inputType}`));
    el.addEventListener('change', (e) => seen.push(`${e.type}:${el.value}`));
    expect(writeComposer(el, DRAFT)).toEqual({ status: 'written', holds: DRAFT });
    expect(wrapped).toBe('');
    expect(seen).toEqual([`input:${DRAFT}:insertText`, `change:${DRAFT}`]);
    expect(doc.activeElement).toBe(el);
  });

  it("replaces our own unsent draft, asks before replacing the user's, and replaces it once they agree", () => {
    const { doc } = f.open();
    const at = locationOf(f.expected.url);
    const ours = new WeakMap<Element, string>();
    const el = doc.querySelector<HTMLTextAreaElement>('#compose-textarea')!;
    expect(relayInto(doc, at, { draft: 'first draft' }, ours)).toEqual({
      status: 'written',
      holds: 'first draft',
      via: 'adapter',
      platform: 'zulip',
    });
    expect(relayInto(doc, at, { draft: DRAFT }, ours)).toMatchObject({ status: 'written', holds: DRAFT });
    el.value = `${DRAFT} and my own words`;
    const asked = relayInto(doc, at, { draft: DRAFT }, ours);
    expect(asked).toMatchObject({ status: 'user-draft', holds: `${DRAFT} and my own words` });
    expect(el.value).toBe(`${DRAFT} and my own words`);
    expect(relayInto(doc, at, { draft: DRAFT, replaceUserDraft: true }, ours)).toMatchObject({ status: 'written' });
    expect(el.value).toBe(DRAFT);
  });

  it('leaves a read-only or disabled composer alone and says no composer was found', () => {
    const { doc } = f.open();
    doc.querySelector<HTMLTextAreaElement>('#compose-textarea')!.disabled = true;
    expect(findComposer(zulip, doc, null)).toBeNull();
    expect(relayInto(doc, locationOf(f.expected.url), { draft: DRAFT }, new WeakMap())).toEqual({
      status: 'no-composer',
    });
  });
});

describe("Zulip's closed compose box (zulip/zulip compose_actions hide_box, compose_closed_ui's reply button)", () => {
  const f = fixture('zulip', 'channel');
  /** The real compose box closed as Zulip closes it: the box hidden inline, the reply button naming the topic. */
  const closed = () => {
    const opened = f.open();
    const box = opened.doc.querySelector<HTMLElement>('.message_comp')!;
    box.style.display = 'none';
    const button = opened.doc.querySelector<HTMLButtonElement>('#left_bar_compose_reply_button_big')!;
    button.textContent = 'Message #design > icons';
    return { ...opened, box, button };
  };

  it('clicks "Message #design > icons" to open it, then writes the draft', () => {
    const { doc, box, button } = closed();
    let clicks = 0;
    // What Zulip's click handler does: show the box for the topic in view.
    button.addEventListener('click', () => ((box.style.display = ''), clicks++));
    const r = relayInto(doc, locationOf(f.expected.url), { draft: DRAFT }, new WeakMap());
    expect(r).toEqual({ status: 'written', holds: DRAFT, via: 'adapter', platform: 'zulip' });
    expect(clicks).toBe(1);
    expect(doc.querySelector<HTMLTextAreaElement>('#compose-textarea')!.value).toBe(DRAFT);
  });

  it('says so, and writes nothing, when the box stays closed (the button is disabled or does nothing)', () => {
    const disabled = closed();
    disabled.button.disabled = true; // "There are no messages to reply to."
    expect(relayInto(disabled.doc, locationOf(f.expected.url), { draft: DRAFT }, new WeakMap())).toEqual({
      status: 'closed-composer',
    });
    expect(disabled.doc.querySelector<HTMLTextAreaElement>('#compose-textarea')!.value).toBe('');
    const inert = closed();
    expect(relayInto(inert.doc, locationOf(f.expected.url), { draft: DRAFT }, new WeakMap())).toEqual({
      status: 'closed-composer',
    });
    expect(inert.doc.querySelector<HTMLTextAreaElement>('#compose-textarea')!.value).toBe('');
  });

  it('leaves an open box alone (no click)', () => {
    const { doc } = f.open();
    let clicks = 0;
    doc.querySelector('#left_bar_compose_reply_button_big')!.addEventListener('click', () => clicks++);
    expect(relayInto(doc, locationOf(f.expected.url), { draft: DRAFT }, new WeakMap()).status).toBe('written');
    expect(clicks).toBe(0);
  });
});

describe('layered fallback (generic reader, apps without a composer part)', () => {
  const converse = readFileSync(join(FIXTURE_ROOT, 'composers', 'converse-muc.html'), 'utf8');
  const open = () => new JSDOM(converse, { url: 'http://127.0.0.1:5280/converse' }).window.document;

  it("finds converse.js's textarea.chat-textarea of the chat box the question is in", () => {
    const doc = open();
    const inOps = doc.querySelector('[data-msgid="ops-m0"]')!;
    const inKitchen = doc.querySelector('[data-msgid="kitchen-m0"]')!;
    expect(fallbackComposer.find(doc, inOps)?.closest('converse-muc')?.id).toBe('box-ops');
    expect(fallbackComposer.find(doc, inKitchen)?.closest('converse-muc')?.id).toBe('box-kitchen');
    expect(fallbackComposer.find(doc, inOps)?.classList.contains('chat-textarea')).toBe(true);
  });

  it('never guesses between two composers; the focused one wins', () => {
    const doc = open();
    expect(fallbackComposer.find(doc, null)).toBeNull();
    const kitchen = doc.querySelector<HTMLTextAreaElement>('#box-kitchen textarea')!;
    kitchen.focus();
    expect(fallbackComposer.find(doc, null)).toBe(kitchen);
  });

  it('writes converse.js\'s textarea (its draft is saved on "change")', () => {
    const doc = open();
    const el = fallbackComposer.find(doc, doc.querySelector('[data-msgid="ops-m0"]'))!;
    let saved = '';
    el.addEventListener('change', () => (saved = (el as HTMLTextAreaElement).value));
    expect(writeComposer(el, DRAFT).status).toBe('written');
    expect(saved).toBe(DRAFT);
  });

  it('finds nothing on a chat page without a composer (the user gets the clipboard instead)', () => {
    // converse-muc is the real converse.js room saved with its composer: the one generic fixture that has one.
    const generic = loadFixtures('generic');
    const withComposer = generic.filter((f) => f.html.includes('chat-textarea'));
    expect(withComposer.map((f) => f.name)).toEqual(['converse-muc']);
    for (const f of generic) {
      const { doc } = f.open();
      const found = findComposer(adapterFor(locationOf(f.expected.url), doc), doc, null);
      if (withComposer.includes(f)) expect(found?.el.matches('textarea.chat-textarea')).toBe(true);
      else expect(found).toBeNull();
    }
  });

  it('skips hidden clipboard catchers and search boxes', () => {
    const doc = new JSDOM(
      `<div role="search"><textarea aria-label="Search"></textarea></div>
       <div class="ql-clipboard" contenteditable="true" aria-hidden="true" role="textbox"></div>
       <div contenteditable="true" role="textbox" aria-label="Message"></div>`,
    ).window.document;
    expect(fallbackComposer.find(doc, null)?.getAttribute('aria-label')).toBe('Message');
  });
});
