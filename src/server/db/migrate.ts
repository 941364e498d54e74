import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Numbered migrations (`NNN-name.sql`), each applied once in its own transaction; `PRAGMA user_version` records progress. */
export function migrate(db: Database.Database): number {
  const files = fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{3}-.+\.sql$/.test(f))
    .sort();
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (version <= current) continue;
    const sql = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
}
