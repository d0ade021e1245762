/**
 * A map that forgets its oldest entries past a size, for values derived from rows that never
 * change (append-only decisions): a bounded memory, and the same answer as computing anew.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly max: number) {}

  get(key: K, compute: () => V): V {
    if (this.entries.has(key)) {
      const value = this.entries.get(key) as V;
      // Refreshed: used entries stay, the least recently used go first.
      this.entries.delete(key);
      this.entries.set(key, value);
      return value;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }
}
