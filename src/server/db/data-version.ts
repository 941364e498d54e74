import type { Db } from './open-db';

/**
 * Tells whether another connection (an import in another process) has changed the database, reading
 * `PRAGMA data_version` at most every `maxAgeMs` so hot request paths do not pay for it on every call.
 * Writes on this same connection are not reported by SQLite: call `bump()` after them.
 */
export class DataVersion {
  private value = -1;
  private checkedAt = -Infinity;
  private local = 0;

  constructor(
    private readonly db: Db,
    private readonly maxAgeMs = 250,
  ) {}

  current(): string {
    const now = performance.now();
    if (now - this.checkedAt >= this.maxAgeMs) {
      this.value = this.db.pragma('data_version', { simple: true }) as number;
      this.checkedAt = now;
    }
    return `${this.value}.${this.local}`;
  }

  bump() {
    this.local++;
  }
}
