import type { TariffRepository } from '../repositories/tariff-repository';
import { LECCY_SOURCE, leccyRows, storeLeccyRows } from './leccy-tariffs';

export interface LeccySyncOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface LeccySyncResult {
  networks: number;
  rates: number;
  skipped: Array<{ line: number; reason: string }>;
}

/**
 * Copies every network, service and rate from a Leccy API (GET /networks, then /networks/{id}?status=all for
 * discontinued services too), replacing what an earlier sync stored. Nothing is changed when a request fails.
 */
export async function syncLeccy(repo: TariffRepository, options: LeccySyncOptions): Promise<LeccySyncResult> {
  const doFetch = options.fetch ?? fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  const get = async (path: string): Promise<unknown> => {
    const url = `${base}${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(options.token)}`;
    const res = await doFetch(url, { headers: { Accept: 'application/json', Authorization: `Bearer ${options.token}` }, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
    if (!res.ok) throw new Error(`Leccy API ${path}: HTTP ${res.status}`);
    return res.json();
  };
  const list = await get('/networks');
  if (!Array.isArray(list)) throw new Error('Leccy API /networks: expected an array of networks');
  const full: unknown[] = [];
  for (const n of list as Array<{ id?: unknown }>) {
    full.push(typeof n?.id === 'string' || typeof n?.id === 'number' ? await get(`/networks/${encodeURIComponent(String(n.id))}?status=all`) : n);
  }
  const rows = leccyRows(full, repo.operatorIdsByName(), new Date(), LECCY_SOURCE);
  storeLeccyRows(repo, rows, { source: LECCY_SOURCE });
  return { networks: rows.networks.length, rates: rows.rates.length, skipped: rows.skipped };
}
