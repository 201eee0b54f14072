/** Runs the reference anchoring in a worker so the bench can stop a note that takes too long. */
import { parentPort } from 'node:worker_threads';
import { JSDOM } from 'jsdom';
import { buildTextModel, rangeToOffsets, type TextModel } from '../lib/anchoring';
import { refAnchor, type RefSelectors } from './anchoring-reference';

const port = parentPort;
if (!port) throw new Error('run as a worker');
(globalThis as Record<string, unknown>).Node = new JSDOM('').window.Node;
let root: Element | null = null;
let model: TextModel | null = null;

port.on('message', (msg: { type: 'load'; html: string } | { type: 'anchor'; i: number; selectors: RefSelectors }) => {
  if (msg.type === 'load') {
    root = new JSDOM(msg.html).window.document.body;
    model = buildTextModel(root);
    port.postMessage({ type: 'loaded' });
    return;
  }
  if (!root || !model) throw new Error('no page loaded');
  const t0 = performance.now();
  const range = refAnchor(root, msg.selectors);
  const ms = performance.now() - t0;
  port.postMessage({ type: 'anchored', i: msg.i, span: range ? rangeToOffsets(model, range) : null, ms });
});
