import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/open-db';
import { importFile } from '../importers/run-import';
import { DATA_DIR, fixture, ROOT } from '../test/test-db';

/**
 * An acknowledged check-in must survive the server being killed (SIGKILL, no shutdown code runs) right after
 * its 2xx: the real server runs as a child process on a database file, takes a burst of check-ins, and is killed
 * the moment the last answer arrives; the file is then opened again and every acknowledged id must be there.
 */
describe('check-in durability', () => {
  it('keeps every acknowledged check-in when the server is killed right after answering', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'evmap-durability-'));
    const file = path.join(dir, 'db.sqlite');
    const setup = openDb(file);
    await importFile(setup, path.join(DATA_DIR, 'ocm-reference/CoreReferenceData.json'));
    await importFile(setup, fixture('afdc-ny-sample.csv'));
    const locationId = (setup.prepare('SELECT MIN(id) AS id FROM locations').get() as { id: number }).id;
    setup.close();

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/test/serve-api.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: file, PORT: '0', HOST: '127.0.0.1', AUTO_IMPORT: 'false', CHECKINS_PER_LOCATION_PER_HOUR: '1000', VITEST: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          const m = /listening (\d+)/.exec(d.toString());
          if (m) resolve(Number(m[1]));
        });
        child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
      });
      const base = `http://127.0.0.1:${port}`;
      const signUp = await fetch(`${base}/v1/auth/register`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'durable@example.org', password: 'durable password' }),
      });
      const { token } = (await signUp.json()) as { token: string };
      const post = (i: number) =>
        fetch(`${base}/v3/comment`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ ChargePointID: locationId, CommentTypeID: 10, CheckinStatusTypeID: 10, Comment: `check-in ${i}` }),
        }).then(async (r) => (r.ok ? ((await r.json()) as { id: number }).id : null));
      const acknowledged = (await Promise.all(Array.from({ length: 40 }, (_, i) => post(i)))).filter((id): id is number => id !== null);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      expect(acknowledged.length).toBe(40);

      const after = openDb(file, { readonly: true });
      const stored = new Set((after.prepare('SELECT id FROM checkins').all() as Array<{ id: number }>).map((r) => r.id));
      after.close();
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
