import type { BBox } from './types';

export interface GridCluster {
  latitude: number;
  longitude: number;
  count: number;
  maxPowerKw: number | null;
  /** Set when the cluster holds a single location. */
  id: number | null;
}

/**
 * Bins points into square-ish cells of about `cellPx` screen pixels at `zoom` (Web Mercator, 256 px tiles); each
 * cell reports its count, mean position and highest power. Cell height is scaled by cos(latitude) at the view's
 * centre so cells look square on screen.
 */
export class GridClusterer {
  private readonly cellDeg: number;
  private readonly cellLat: number;
  private readonly cells = new Map<number, number>();
  private readonly count: number[] = [];
  private readonly sumLat: number[] = [];
  private readonly sumLng: number[] = [];
  private readonly max: number[] = [];
  private readonly firstId: number[] = [];
  total = 0;

  constructor(box: BBox, zoom: number, cellPx = 60) {
    this.cellDeg = (360 / 2 ** zoom) * (cellPx / 256);
    const midLat = (box.south + box.north) / 2;
    this.cellLat = this.cellDeg * Math.max(0.05, Math.cos((midLat * Math.PI) / 180));
  }

  add(lat: number, lng: number, powerKw: number | null, id: number) {
    this.total++;
    const key = Math.floor((lng + 180) / this.cellDeg) * 1_000_003 + Math.floor((lat + 90) / this.cellLat);
    let c = this.cells.get(key);
    if (c === undefined) {
      c = this.count.length;
      this.cells.set(key, c);
      this.count.push(0);
      this.sumLat.push(0);
      this.sumLng.push(0);
      this.max.push(NaN);
      this.firstId.push(id);
    }
    this.count[c]++;
    this.sumLat[c] += lat;
    this.sumLng[c] += lng;
    if (powerKw !== null && !Number.isNaN(powerKw) && !(powerKw <= this.max[c])) this.max[c] = powerKw;
  }

  result(): GridCluster[] {
    return this.count.map((n, c) => ({
      latitude: this.sumLat[c] / n,
      longitude: this.sumLng[c] / n,
      count: n,
      maxPowerKw: Number.isNaN(this.max[c]) ? null : this.max[c],
      id: n === 1 ? this.firstId[c] : null,
    }));
  }
}
