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
  // Cells are a dense grid over the view (a view is at most a few dozen cells across at any zoom).
  private readonly gx0: number;
  private readonly gy0: number;
  private readonly ny: number;
  private readonly count: Float64Array;
  private readonly sumLat: Float64Array;
  private readonly sumLng: Float64Array;
  private readonly max: Float64Array;
  private readonly firstId: Float64Array;
  total = 0;

  /** Largest grid a view may need; real map views at their own zoom are a few hundred cells. */
  static readonly MAX_CELLS = 1_000_000;

  /** Grid geometry for a view: cell sizes in degrees, first cell and cell counts. */
  static layout(box: BBox, zoom: number, cellPx = 60) {
    const cellDeg = (360 / 2 ** zoom) * (cellPx / 256);
    const midLat = (box.south + box.north) / 2;
    const cellLat = cellDeg * Math.max(0.05, Math.cos((midLat * Math.PI) / 180));
    // A view crossing the antimeridian spans the whole longitude range of the grid.
    const west = box.west > box.east ? -180 : box.west;
    const east = box.west > box.east ? 180 : box.east;
    const gx0 = Math.floor((west + 180) / cellDeg);
    const gy0 = Math.floor((box.south + 90) / cellLat);
    const nx = Math.floor((east + 180) / cellDeg) - gx0 + 1;
    const ny = Math.floor((box.north + 90) / cellLat) - gy0 + 1;
    return { cellDeg, cellLat, gx0, gy0, nx, ny, cells: nx * ny };
  }

  constructor(box: BBox, zoom: number, cellPx = 60) {
    const g = GridClusterer.layout(box, zoom, cellPx);
    if (!(g.cells > 0 && g.cells <= GridClusterer.MAX_CELLS)) throw new RangeError(`a view of ${g.nx} × ${g.ny} cells is too large to cluster at zoom ${zoom}`);
    this.cellDeg = g.cellDeg;
    this.cellLat = g.cellLat;
    this.gx0 = g.gx0;
    this.gy0 = g.gy0;
    this.ny = g.ny;
    const cells = g.cells;
    this.count = new Float64Array(cells);
    this.sumLat = new Float64Array(cells);
    this.sumLng = new Float64Array(cells);
    this.max = new Float64Array(cells).fill(NaN);
    this.firstId = new Float64Array(cells);
  }

  add(lat: number, lng: number, powerKw: number | null, id: number) {
    this.total++;
    const c = (Math.floor((lng + 180) / this.cellDeg) - this.gx0) * this.ny + (Math.floor((lat + 90) / this.cellLat) - this.gy0);
    if (this.count[c] === 0) this.firstId[c] = id;
    this.count[c]++;
    this.sumLat[c] += lat;
    this.sumLng[c] += lng;
    if (powerKw !== null && !Number.isNaN(powerKw) && !(powerKw <= this.max[c])) this.max[c] = powerKw;
  }

  result(): GridCluster[] {
    const out: GridCluster[] = [];
    for (let c = 0; c < this.count.length; c++) {
      const n = this.count[c];
      if (n === 0) continue;
      out.push({
        latitude: this.sumLat[c] / n,
        longitude: this.sumLng[c] / n,
        count: n,
        maxPowerKw: Number.isNaN(this.max[c]) ? null : this.max[c],
        id: n === 1 ? this.firstId[c] : null,
      });
    }
    return out;
  }
}
