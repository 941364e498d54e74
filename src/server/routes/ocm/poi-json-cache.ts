import { LruCache } from '../../lib/lru-cache';
import type { LocationLive } from '../../../shared/telemetry/availability';

/** How long a POI's text may be reused at most: IsRecentlyVerified depends on the clock (a 90-day window). */
const MAX_AGE_MS = 10 * 60_000;

/**
 * The JSON text of recently served OCM POIs. Turning a location into a POI object and that into JSON is most of a
 * small query's time (≈40 % of a 50-POI bounding box under load); a map view asks for the same locations again and
 * again. A text is reused only for the same location in the same output form, with the same score and live state,
 * while the database has not changed and for at most ten minutes; an array of them joined with commas is exactly
 * what JSON.stringify makes of the array.
 */
export class PoiJsonCache {
  private readonly texts: LruCache<string, string>;
  private version = '';
  private since = 0;

  constructor(
    private readonly dataVersion: () => string,
    capacity = 20_000,
    private readonly now: () => number = Date.now,
  ) {
    this.texts = new LruCache(capacity);
  }

  /** Call once per request, before json(): drops every text when the data changed or the texts are too old. */
  refresh() {
    const version = this.dataVersion();
    const now = this.now();
    if (version !== this.version || now - this.since >= MAX_AGE_MS) {
      this.texts.clear();
      this.version = version;
      this.since = now;
    }
  }

  /** The POI's JSON text: `form` names the output options, `make` builds the object when it is not cached. */
  json(id: number, form: string, score: number | undefined, live: LocationLive | undefined, make: () => unknown): string {
    const key = `${id}|${form}|${score ?? ''}|${live ? `${live.status},${live.available},${live.inUse},${live.offline},${live.unknown},${live.sampledAtMs},${live.simulated}` : ''}`;
    let text = this.texts.get(key);
    if (text === undefined) {
      text = JSON.stringify(make());
      this.texts.set(key, text);
    }
    return text;
  }
}
