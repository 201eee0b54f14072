/**
 * The page's text as a reader sees it, with a map back to the DOM. Anchoring compares this text, never raw
 * `textContent`, so re-indented HTML, `<br>`s and block boundaries do not move a quote.
 *
 * Offsets in selectors are offsets in `text`. "Raw" positions count the code units of the kept text nodes in
 * document order; each normalised character remembers the raw span it came from.
 */
export interface TextModel {
  readonly root: Element;
  /** Whitespace runs collapsed to one space, blocks and `<br>` separated by a space, trimmed. */
  readonly text: string;
  readonly nodes: readonly Text[];
  /** Raw position of the first code unit of each kept text node. */
  readonly nodeStarts: readonly number[];
  /** Raw span [rawStart[i], rawEnd[i]) that normalised character i stands for. */
  readonly rawStart: Int32Array;
  readonly rawEnd: Int32Array;
  readonly nodeIndex: ReadonlyMap<Node, number>;
}

/** Never read: not shown to a reader, or ours (the painter's overlay host). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'svg']);
const BLOCKS = new Set(
  (
    'address article aside blockquote br caption center dd details dialog dir div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr img legend li main menu nav ol p pre section summary table ' +
    'tbody td tfoot th thead tr ul video audio canvas input textarea select button option'
  ).split(' '),
);
/** Custom elements (the painter's host) carrying this attribute are invisible to anchoring. */
export const IGNORE_ATTRIBUTE = 'data-commonplace-ignore';

export function isSkipped(el: Element): boolean {
  const name = el.localName;
  return SKIPPED.has(name) || (name.includes('-') && el.hasAttribute(IGNORE_ATTRIBUTE));
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}
/**
 * Soft hyphen, zero-width space/joiners, BOM, NUL: invisible, so not part of what a reader quotes. NUL is never
 * shown, and a page that hides one next to a sentence must not get it into the selectors (no store keeps it).
 */
function isInvisible(c: number): boolean {
  return c === 0 || c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/**
 * The code unit a reader sees at `s[i]`: a surrogate without its partner is not Unicode, and the browser shows
 * U+FFFD for it; keeping it would give the note a string no store accepts. One unit for one: offsets hold.
 */
function shownAt(s: string, i: number, c: number): number {
  if (c < 0xd800 || c > 0xdfff) return c;
  const isPaired =
    c <= 0xdbff
      ? i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00
      : i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800;
  return isPaired ? c : 0xfffd;
}

/** The same normalisation for a stored string: what a quote looks like once read like the page. */
export function normalizeWhitespace(s: string): string {
  let out = '';
  let pending = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isInvisible(c)) continue;
    if (isSpace(c)) pending = true;
    else {
      if (pending && out) out += ' ';
      pending = false;
      out += String.fromCharCode(shownAt(s, i, c));
    }
  }
  return pending && out ? `${out} ` : out;
}

/** Growable parallel arrays: the normalised code units and the raw span each stands for. */
class Builder {
  codes = new Uint16Array(1024);
  starts = new Int32Array(1024);
  ends = new Int32Array(1024);
  length = 0;
  pending = false;
  pendingRaw = -1;

  private push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) {
      const grow = <T extends Uint16Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.codes = grow(this.codes, (n) => new Uint16Array(n));
      this.starts = grow(this.starts, (n) => new Int32Array(n));
      this.ends = grow(this.ends, (n) => new Int32Array(n));
    }
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
  space(raw: number): void {
    if (!this.pending) this.pendingRaw = raw;
    this.pending = true;
  }
  boundary(): void {
    this.pending = true;
  }
  char(code: number, raw: number): void {
    if (this.pending && this.length > 0) this.push(32, this.pendingRaw >= 0 ? this.pendingRaw : raw, raw);
    this.pending = false;
    this.pendingRaw = -1;
    this.push(code, raw, raw + 1);
  }
  text(): string {
    const decoder = new TextDecoder('utf-16le');
    return decoder.decode(this.codes.subarray(0, this.length));
  }
}

/** Reads `root` once; O(text length). Rebuild it after the DOM changes. */
export function buildTextModel(root: Element): TextModel {
  const b = new Builder();
  const nodes: Text[] = [];
  const nodeStarts: number[] = [];
  const nodeIndex = new Map<Node, number>();
  let raw = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const value = (node as Text).data;
      if (value.length > 0) {
        nodeIndex.set(node, nodes.length);
        nodes.push(node as Text);
        nodeStarts.push(raw);
        for (let i = 0; i < value.length; i++) {
          const c = value.charCodeAt(i);
          if (isSpace(c)) b.space(raw + i);
          else if (!isInvisible(c)) b.char(shownAt(value, i, c), raw + i);
        }
        raw += value.length;
      }
    } else if (node.nodeType === 1 && !isSkipped(node as Element)) {
      if (BLOCKS.has((node as Element).localName)) b.boundary();
      descend = node.firstChild !== null;
    }
    if (descend) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && node.nodeType === 1 && BLOCKS.has((node as Element).localName)) b.boundary();
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  return {
    root,
    text: b.text(),
    nodes,
    nodeStarts,
    rawStart: b.starts.slice(0, b.length),
    rawEnd: b.ends.slice(0, b.length),
    nodeIndex,
  };
}

interface Cached {
  model: TextModel;
  observer: MutationObserver;
}
const cache = new WeakMap<Element, Cached>();

/**
 * buildTextModel, reused while the DOM under `root` is unchanged: notes anchored one after another read the
 * page once. A MutationObserver notices changes, synchronously through takeRecords() and otherwise at the next
 * microtask, when it drops the model and stops observing (so a busy page costs nothing once it changes).
 */
export function readTextModel(root: Element): TextModel {
  const hit = cache.get(root);
  if (hit && hit.observer.takeRecords().length === 0) return hit.model;
  hit?.observer.disconnect();
  cache.delete(root);
  const model = buildTextModel(root);
  const Observer = root.ownerDocument.defaultView?.MutationObserver;
  if (!Observer) return model;
  const observer = new Observer(() => {
    observer.disconnect();
    if (cache.get(root)?.observer === observer) cache.delete(root);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  cache.set(root, { model, observer });
  return model;
}
