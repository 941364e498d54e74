import type { AccountRepository } from '../repositories/account-repository';

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const monthOf = (d: Date) => d.toISOString().slice(0, 7);
const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * Requests per user per day. Counting happens in memory and is written to SQLite every few seconds, so a request
 * does not wait for a disk write; a crash loses at most the last interval's counts (never check-ins or accounts).
 */
export class UsageCounter {
  private pending = new Map<string, { userId: number; day: string; count: number }>();
  private monthTotals = new Map<number, { month: string; total: number }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly accounts: AccountRepository,
    flushEveryMs = 2000,
  ) {
    if (flushEveryMs > 0) {
      this.timer = setInterval(() => this.flush(), flushEveryMs);
      this.timer.unref();
    }
  }

  /** This month's total for a user, including unflushed counts. */
  monthTotal(userId: number, now = new Date()): number {
    const month = monthOf(now);
    let t = this.monthTotals.get(userId);
    if (!t || t.month !== month) {
      this.flush();
      const total = this.accounts.requestCounts(userId, `${month}-01`, `${nextMonth(month)}-01`).reduce((s, r) => s + r.count, 0);
      t = { month, total };
      this.monthTotals.set(userId, t);
    }
    return t.total;
  }

  count(userId: number, now = new Date()) {
    this.monthTotal(userId, now);
    (this.monthTotals.get(userId) as { total: number }).total++;
    const day = dayOf(now);
    const key = `${userId}|${day}`;
    const p = this.pending.get(key);
    if (p) p.count++;
    else this.pending.set(key, { userId, day, count: 1 });
  }

  flush() {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.accounts.addRequestCounts(batch);
  }

  /** Per-day figures of the current month. */
  month(userId: number, now = new Date()): { month: string; total: number; days: Array<{ date: string; count: number }> } {
    this.flush();
    const month = monthOf(now);
    const days = this.accounts.requestCounts(userId, `${month}-01`, `${nextMonth(month)}-01`).map((r) => ({ date: r.day, count: r.count }));
    return { month, total: this.monthTotal(userId, now), days };
  }

  close() {
    if (this.timer) clearInterval(this.timer);
    this.flush();
  }
}
