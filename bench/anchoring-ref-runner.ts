/** Drives the reference worker: one note at a time, each bounded by a timeout that restarts the worker. */
import { Worker } from 'node:worker_threads';
import type { Span } from './anchoring-cases';
import type { RefSelectors } from './anchoring-reference';

type Reply = { type: 'loaded' } | { type: 'anchored'; i: number; span: Span | null; ms: number };

export class RefRunner {
  private worker: Worker | null = null;
  private html = '';
  private waiting: ((r: Reply) => void) | null = null;
  timeouts = 0;

  constructor(private readonly timeoutMs: number) {}

  private start(): Worker {
    // Workers do not inherit tsx's loader: register it, then load the TypeScript worker.
    const file = new URL('./anchoring-ref-worker.ts', import.meta.url).href;
    const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(file)}); });`;
    const w = new Worker(boot, { eval: true });
    w.on('message', (r: Reply) => this.waiting?.(r));
    w.on('error', (e) => {
      throw new Error(`reference worker failed: ${e.message}`);
    });
    this.worker = w;
    return w;
  }

  private request(msg: unknown, timeoutMs: number): Promise<Reply | 'timeout'> {
    const w = this.worker ?? this.start();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        resolve('timeout');
      }, timeoutMs);
      this.waiting = (r) => {
        clearTimeout(timer);
        this.waiting = null;
        resolve(r);
      };
      w.postMessage(msg);
    });
  }

  async load(html: string): Promise<void> {
    this.html = html;
    if ((await this.request({ type: 'load', html }, 120_000)) === 'timeout') throw new Error('page load timed out');
  }

  /** The span the reference lands on (null: orphan), or 'timeout' (counted as a failure). */
  async anchor(i: number, selectors: RefSelectors): Promise<{ span: Span | null; ms: number } | 'timeout'> {
    const r = await this.request({ type: 'anchor', i, selectors }, this.timeoutMs);
    if (r === 'timeout') {
      this.timeouts++;
      await this.worker?.terminate();
      this.worker = null;
      await this.load(this.html);
      return 'timeout';
    }
    if (r.type !== 'anchored') throw new Error('unexpected reply');
    return { span: r.span, ms: r.ms };
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
