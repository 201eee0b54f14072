/**
 * A read cache that is exact because this process is the database's only client: PGlite locks its data
 * directory, so every write goes through this app. Writers call `invalidate()` after they commit; a reader
 * takes `stamp()` before its query and `set()` drops the value if a write committed meanwhile, so a value read
 * before a write is never stored after it. On a shared PostgreSQL (several app processes) there is no memo:
 * the app is then not the only writer.
 */
export class Memo<V> {
  readonly #values = new Map<string, V>();
  #generation = 0;

  constructor(private readonly maxEntries = 10_000) {}

  get(key: string): V | undefined {
    return this.#values.get(key);
  }

  /** The generation a reader started in: pass it back to `set`. */
  stamp(): number {
    return this.#generation;
  }

  set(key: string, value: V, stamp: number): void {
    if (stamp !== this.#generation) return;
    if (this.#values.size >= this.maxEntries) this.#values.clear();
    this.#values.set(key, value);
  }

  /** After a committed write: forget `key`, or everything. Readers in flight will not store what they read. */
  invalidate(key?: string): void {
    this.#generation++;
    if (key === undefined) this.#values.clear();
    else this.#values.delete(key);
  }
}
