import { createHash } from 'node:crypto';

/**
 * The last results of an expensive pure function, by a hash of its whole input. Documents and images
 * are exported again and again from unchanged content (several readers, PDF and Word, each version),
 * and rendering one costs far more than hashing what goes into it. A key made of the content cannot
 * go stale: changed content is a new key, and the oldest entry makes way.
 */
export class ContentCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  /** The result for `input` (text that holds everything the result depends on), computed only if unknown. */
  get(input: string, compute: () => V): V {
    const key = createHash('sha256').update(input).digest('base64');
    if (this.entries.has(key)) {
      const known = this.entries.get(key)!;
      // Most recently used last, so the oldest is the one dropped.
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const value = compute();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, value);
    // A promise that fails is not kept: the next request tries again.
    if (value instanceof Promise) value.catch(() => this.entries.get(key) === value && this.entries.delete(key));
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
