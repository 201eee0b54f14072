import type { ComposerWrite } from './types';

/** The text a composer holds as the user sees it: a field's value, an editor's rendered lines. */
export function composerText(el: HTMLElement): string {
  if (isField(el)) return el.value;
  // Editors keep one block per line (<p>, <div>); an empty line is a block holding only <br>.
  const blocks = Array.from(el.children).filter((c) => /^(P|DIV|LI|H[1-6]|PRE|BLOCKQUOTE)$/.test(c.tagName));
  if (blocks.length > 0 && blocks.length === el.children.length) {
    return blocks.map((b) => (b.textContent ?? '').replace(/\u200B|\uFEFF/g, '')).join('\n');
  }
  return (el.innerText ?? el.textContent ?? '').replace(/\u200B|\uFEFF/g, '').replace(/\n$/, '');
}

function isField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

/** True when the element takes typed text: an enabled, writable field or a contenteditable editor. */
export function isWritable(el: Element | null | undefined): el is HTMLElement {
  if (!el) return false;
  if (isField(el)) {
    const type = el.tagName === 'INPUT' ? (el as HTMLInputElement).type : 'textarea';
    return !el.disabled && !el.readOnly && ['textarea', 'text', 'search', ''].includes(type);
  }
  return (el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === 'true';
}

/**
 * Writes `draft` into a chat app's composer as if the user typed it, so the app's own editor state follows:
 *
 * - a `<textarea>`/`<input>` gets its value through the native setter (frameworks that wrap `value`, such as
 *   React's controlled inputs, see the change) and the `input` and `change` events the browser would fire;
 * - a contenteditable editor (Quill, ProseMirror, Slate, Draft.js, CKEditor, Lexical) is focused, its contents
 *   selected, and the text inserted with the browser's own editing command in one go: the editor gets the
 *   `beforeinput`/`input` events of real typing and updates its model from them.
 *
 * What is there decides whether to write at all: an empty composer, or one that still holds exactly the last
 * draft we wrote (`ours`), is replaced; anything else is the user's own unsent words and is left untouched
 * unless `replaceUserDraft` says the user agreed. Never sends.
 */
export function writeComposer(
  el: HTMLElement,
  draft: string,
  opts: { ours?: string; replaceUserDraft?: boolean } = {},
): ComposerWrite {
  const before = composerText(el);
  if (before.trim() && before !== opts.ours && before !== draft && !opts.replaceUserDraft) {
    return { status: 'user-draft', holds: before };
  }
  if (isField(el)) writeField(el, draft);
  else writeEditable(el, draft);
  const holds = composerText(el);
  return holds === draft ? { status: 'written', holds } : { status: 'refused', holds };
}

function writeField(el: HTMLTextAreaElement | HTMLInputElement, text: string): void {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  el.focus();
  if (setter) setter.call(el, text);
  else el.value = text;
  // The page's own event classes: the app's listeners see the same events typing makes.
  const win = el.ownerDocument.defaultView ?? globalThis;
  el.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  el.dispatchEvent(new win.Event('change', { bubbles: true }));
}

function writeEditable(el: HTMLElement, text: string): void {
  const doc = el.ownerDocument;
  el.focus();
  const selection = doc.getSelection();
  if (selection) {
    const all = doc.createRange();
    all.selectNodeContents(el);
    selection.removeAllRanges();
    selection.addRange(all);
  }
  // One insertText over the selected contents is one "replace" the editor sees as typing (beforeinput, input).
  // Chromium splits the text into one block per line itself; line-by-line insertParagraph loses lines in
  // Quill, which re-renders between the commands (checked against Quill 2 in Chromium).
  doc.execCommand('insertText', false, text);
}
