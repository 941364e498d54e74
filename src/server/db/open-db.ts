import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrate';
import { restoreDeferredIndexes } from './deferred-indexes';

export type Db = Database.Database;

export interface OpenDbOptions {
  readonly?: boolean;
}

/** Opens (creating if needed) the SQLite database in WAL mode and brings its schema up to date. */
export function openDb(file: string, options: OpenDbOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; FULL also survives power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Telemetry batches touch one page per EVSE: checkpointing less often writes each page back once per many
    // batches instead of once per batch (about twice the ingest rate on 10,000 EVSEs). The WAL is truncated after
    // checkpoints.
    db.pragma('wal_autocheckpoint = 50000');
    db.pragma('journal_size_limit = 67108864');
    migrate(db);
    // Indexes a bulk load set aside and could not rebuild (the process died during it).
    restoreDeferredIndexes(db);
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  db.pragma('temp_store = MEMORY');
  return db;
}
