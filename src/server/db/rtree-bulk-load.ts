import type { Db } from './open-db';

/**
 * Fills an empty two-dimensional SQLite R*Tree in one pass, as GDAL does for GeoPackage spatial indexes: the entries
 * are packed into nodes by Sort-Tile-Recursive (Leutenegger et al., 1997) and the nodes written straight into the
 * R*Tree's shadow tables (`<name>_node`, `<name>_rowid`, `<name>_parent`), in the on-disk format SQLite's rtree
 * module reads (rtree.c, "the format of an r-tree node"). Row-by-row inserts choose a leaf and split nodes for every
 * entry — about 10 µs each, a quarter of a first import — where packing costs a sort. The result holds the same
 * leaf boxes as row-by-row inserts (same float32 rounding) in fuller, less overlapping nodes; `rtreecheck()` and
 * the tests compare both.
 *
 * Only for an empty table of the plain form `USING rtree(id, min0, max0, min1, max1)` (32-bit float coordinates,
 * no auxiliary columns); anything else throws before writing.
 */
export interface RtreeEntry {
  id: number;
  /** Coordinates in the table's column order: min0, max0, min1, max1. */
  min0: number;
  max0: number;
  min1: number;
  max1: number;
}

/** An R*Tree node holds at most this many cells whatever the page size (rtree.c RTREE_MAXCELLS). */
const MAX_CELLS = 51;
/** 8-byte rowid or child node number, then min/max per dimension as big-endian float32. */
const CELL_BYTES = 8 + 2 * 2 * 4;
const NODE_HEADER = 4;
const ROOT = 1;

/**
 * SQLite stores a double as the nearest float32 that does not shrink the box: rounded down for a minimum, up for a
 * maximum (rtree.c rtreeValueDown / rtreeValueUp, with their 1 ± 2⁻²³ factors).
 */
const TOWARDS_ZERO = 1 - 1 / 8388608;
const AWAY_FROM_ZERO = 1 + 1 / 8388608;
export function float32Down(d: number): number {
  const f = Math.fround(d);
  return f > d ? Math.fround(d * (d < 0 ? AWAY_FROM_ZERO : TOWARDS_ZERO)) : f;
}
export function float32Up(d: number): number {
  const f = Math.fround(d);
  return f < d ? Math.fround(d * (d < 0 ? TOWARDS_ZERO : AWAY_FROM_ZERO)) : f;
}

/** A cell of the tree being built: an entry (leaf level) or a node (above), with its float32 box and centre. */
interface Cell {
  /** The entry's id, or the node's number once numbered. */
  ref: number;
  min0: number;
  max0: number;
  min1: number;
  max1: number;
  /** Sort keys: twice the box's centre on each dimension. */
  key0: number;
  key1: number;
  /** For nodes: the cells inside. */
  children: Cell[] | null;
  /** The number of the node holding this cell, once written. */
  parent: number;
}

function cell(ref: number, min0: number, max0: number, min1: number, max1: number, children: Cell[] | null): Cell {
  return { ref, min0, max0, min1, max1, key0: min0 + max0, key1: min1 + max1, children, parent: 0 };
}

const POSITION_BITS = 21;
const KEY_RANGE = 512;
/**
 * Cells ordered by a key with a native numeric sort, five times faster than a comparator here: each key is
 * quantised to 32 bits (steps of 2^-22, far finer than packing needs) with the cell's position in the low 21 bits,
 * which also keeps the sort stable. Keys outside ±512 (not degrees) or more cells take the comparator sort.
 */
function sortBy(cells: Cell[], key: (c: Cell) => number): Cell[] {
  const byComparator = () => cells.slice().sort((a, b) => key(a) - key(b));
  if (cells.length > 2 ** POSITION_BITS) return byComparator();
  const codes = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const k = key(cells[i]);
    if (!(k >= -KEY_RANGE && k < KEY_RANGE)) return byComparator();
    codes[i] = Math.floor((k + KEY_RANGE) * 2 ** 22) * 2 ** POSITION_BITS + i;
  }
  codes.sort();
  return Array.from(codes, (code) => cells[code % 2 ** POSITION_BITS]);
}

/** One level up: cells tiled into nodes of at most `capacity` (sorted by dimension 1 into slices, each by dimension 0). */
function packLevel(level: Cell[], capacity: number): Cell[] {
  const nodeCount = Math.ceil(level.length / capacity);
  const sliceSize = Math.ceil(Math.sqrt(nodeCount)) * capacity;
  const cells = sortBy(level, (c) => c.key1);
  const nodes: Cell[] = [];
  for (let s = 0; s < cells.length; s += sliceSize) {
    const slice = sortBy(cells.slice(s, s + sliceSize), (c) => c.key0);
    for (let n = 0; n < slice.length; n += capacity) {
      const children = slice.slice(n, n + capacity);
      let [min0, max0, min1, max1] = [Infinity, -Infinity, Infinity, -Infinity];
      for (const c of children) {
        if (c.min0 < min0) min0 = c.min0;
        if (c.max0 > max0) max0 = c.max0;
        if (c.min1 < min1) min1 = c.min1;
        if (c.max1 > max1) max1 = c.max1;
      }
      nodes.push(cell(0, min0, max0, min1, max1, children));
    }
  }
  return nodes;
}

const shadow = (table: string, suffix: 'node' | 'rowid' | 'parent') => `"${`${table}_${suffix}`.replace(/"/g, '""')}"`;

function checkTable(db: Db, table: string): { nodeBytes: number } {
  const def = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { sql: string } | undefined;
  const columns = def ? /USING\s+rtree\s*\(([^)]*)\)/i.exec(def.sql)?.[1].split(',') : undefined;
  if (!columns || columns.length !== 5 || columns.some((c) => c.trim().startsWith('+'))) {
    throw new Error(`${table}: not a two-dimensional rtree without auxiliary columns`);
  }
  if (db.prepare(`SELECT 1 FROM ${shadow(table, 'rowid')} LIMIT 1`).get()) throw new Error(`${table}: bulk loading needs an empty rtree`);
  const root = db.prepare(`SELECT length(data) AS n FROM ${shadow(table, 'node')} WHERE nodeno = ${ROOT}`).get() as { n: number } | undefined;
  if (!root || root.n < NODE_HEADER + CELL_BYTES * 3) throw new Error(`${table}: unexpected root node`);
  return { nodeBytes: root.n };
}

/**
 * Stores [key, node] pairs (which node holds each entry, or each node's parent) with one statement: each pair as one
 * JSON integer key × 2^21 + node, split again by SQL — a third of the time of 100,000 separate inserts, a quarter of
 * JSON pairs. Keys from 2^32 or 2^21 nodes (a 100-million-entry tree) take the separate inserts.
 */
function writePairs(db: Db, table: string, columns: string, pairs: Array<[number, number]>, nodeCount: number) {
  const NODE_BITS = 21;
  if (nodeCount < 2 ** NODE_BITS && pairs.every(([key]) => Number.isInteger(key) && key >= 0 && key < 2 ** 32)) {
    db.prepare(`INSERT INTO ${table} (${columns}) SELECT value >> ${NODE_BITS}, value & ${2 ** NODE_BITS - 1} FROM json_each(?)`)
      .run(JSON.stringify(pairs.map(([key, node]) => key * 2 ** NODE_BITS + node)));
  } else {
    const insert = db.prepare(`INSERT INTO ${table} (${columns}) VALUES (?, ?)`);
    for (const [key, node] of pairs) insert.run(key, node);
  }
}

/** Writes `entries` into the empty R*Tree `table`. Call inside a transaction; the caller's connection is used as is. */
export function bulkLoadRtree(db: Db, table: string, entries: Iterable<RtreeEntry>) {
  // Entries first: they may come from a query on the same connection, which must end before anything else runs.
  let level: Cell[] = [];
  for (const e of entries) {
    if (!Number.isSafeInteger(e.id) || e.id < 0) throw new Error(`${table}: bulk loading takes ids from 0 to 2^53, not ${e.id}`);
    level.push(cell(e.id, float32Down(e.min0), float32Up(e.max0), float32Down(e.min1), float32Up(e.max1), null));
  }
  const { nodeBytes } = checkTable(db, table);
  if (level.length === 0) return;
  const capacity = Math.min(MAX_CELLS, Math.floor((nodeBytes - NODE_HEADER) / CELL_BYTES));
  // The entries in the caller's order (usually by id): the id → leaf map is then appended to, not inserted into.
  const inOrder = level.slice();

  // Bottom-up: leaves first, until one node (the root) remains.
  const levels: Cell[][] = [];
  do {
    level = packLevel(level, capacity);
    levels.push(level);
  } while (level.length > 1);
  const depth = levels.length - 1;
  // The root is node 1 (rtree.c); the others are numbered from the top down.
  levels[depth][0].ref = ROOT;
  let next = ROOT + 1;
  for (let l = depth - 1; l >= 0; l--) for (const node of levels[l]) node.ref = next++;

  // The shadow tables are read-only to SQL in better-sqlite3's default (defensive) mode; writing them is the point.
  db.unsafeMode(true);
  try {
    const writeNode = db.prepare(`INSERT OR REPLACE INTO ${shadow(table, 'node')} (nodeno, data) VALUES (?, ?)`);
    const parents: Array<[number, number]> = [];
    for (let l = depth; l >= 0; l--) {
      for (const node of levels[l]) {
        const data = Buffer.alloc(nodeBytes);
        // Bytes 0–1: the tree's depth, in the root only; 2–3: the number of cells.
        if (node.ref === ROOT) data.writeUInt16BE(depth, 0);
        const children = node.children ?? [];
        data.writeUInt16BE(children.length, 2);
        let at = NODE_HEADER;
        for (const c of children) {
          // A 64-bit big-endian integer as two halves: ids and node numbers are below 2^53.
          data.writeUInt32BE(Math.floor(c.ref / 2 ** 32), at);
          data.writeUInt32BE(c.ref >>> 0, at + 4);
          data.writeFloatBE(c.min0, at + 8);
          data.writeFloatBE(c.max0, at + 12);
          data.writeFloatBE(c.min1, at + 16);
          data.writeFloatBE(c.max1, at + 20);
          at += CELL_BYTES;
          c.parent = node.ref;
          if (l > 0) parents.push([c.ref, node.ref]);
        }
        writeNode.run(node.ref, data);
      }
    }
    writePairs(db, shadow(table, 'rowid'), 'rowid, nodeno', inOrder.map((c) => [c.ref, c.parent]), next);
    writePairs(db, shadow(table, 'parent'), 'nodeno, parentnode', parents, next);
  } finally {
    db.unsafeMode(false);
  }
}
