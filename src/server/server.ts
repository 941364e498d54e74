import path from 'node:path';
import { createApp } from './app';
import { listen } from './http-listen';
import { createDeps } from './app-deps';
import { databaseIsEmpty, importBundledData } from './bundled-data';
import { openDb } from './db/open-db';
import type { Env } from './env';
import { formatSummary, progressBar } from './cli/progress';
import type { TariffRepository } from './repositories/tariff-repository';
import { syncLeccy } from './tariffs/leccy-sync';
import type { TelemetryRepository } from './repositories/telemetry-repository';

/** With LECCY_TOKEN set, tariffs are copied from the Leccy API at start and every LECCY_SYNC_HOURS; failures are logged. */
function scheduleLeccySync(env: Env, tariffs: TariffRepository): () => void {
  const token = env.LECCY_TOKEN;
  if (!token) return () => {};
  const run = () =>
    syncLeccy(tariffs, { baseUrl: env.LECCY_API_URL, token })
      .then((r) => console.log(`Leccy sync: ${r.networks} networks, ${r.rates} rates`))
      .catch((err: Error) => console.error(`Leccy sync failed: ${err.message}`));
  void run();
  const timer = env.LECCY_SYNC_HOURS > 0 ? setInterval(run, env.LECCY_SYNC_HOURS * 3_600_000) : null;
  timer?.unref();
  return () => timer && clearInterval(timer);
}

/** Prunes EVSE logs older than TELEMETRY_RETENTION_DAYS at start and once a day. */
function scheduleTelemetryPruning(env: Env, repo: TelemetryRepository): () => void {
  if (env.TELEMETRY_RETENTION_DAYS === 0) return () => {};
  const run = () =>
    repo
      .pruneEvseLogsBefore(Date.now() - env.TELEMETRY_RETENTION_DAYS * 86_400_000)
      .then((n) => n > 0 && console.log(`Telemetry: pruned ${n} logs older than ${env.TELEMETRY_RETENTION_DAYS} days`))
      .catch((err: Error) => console.error(`Telemetry pruning failed: ${err.message}`));
  void run();
  const timer = setInterval(run, 86_400_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Opens the database (building it from data/ on first run), then serves API and SPA on one port. */
export async function startServer(env: Env, options: { staticDir?: string } = {}) {
  const db = openDb(env.DATABASE_PATH);
  if (env.AUTO_IMPORT && databaseIsEmpty(db)) {
    console.log(`First run: building ${env.DATABASE_PATH} from the open data in ${env.DATA_DIR}/ …`);
    let bar: ReturnType<typeof progressBar> | null = null;
    await importBundledData(db, env.DATA_DIR, {
      onFileStart: (file, i, n) => {
        bar = progressBar(`[${i + 1}/${n}] ${path.basename(file)}`);
        if (!process.stderr.isTTY) console.log(`[${i + 1}/${n}] importing ${file}`);
      },
      onProgress: (_f, fraction) => bar?.update(fraction),
      onFileDone: (s) => {
        bar?.stop();
        console.log(formatSummary(s));
      },
    });
  }
  const deps = createDeps(env, db);
  // Scores decay with time: bring the stored ones up to date once per start.
  deps.checkins.refreshAllStats();
  const stopSync = scheduleLeccySync(env, deps.tariffs);
  const stopPruning = scheduleTelemetryPruning(env, deps.telemetryRepo);
  const app = createApp(deps, options);
  const { server, port } = await listen(app.fetch, env.PORT, env.HOST);
  return { server, db, port, close: () => new Promise<void>((r) => server.close(() => (stopSync(), stopPruning(), deps.usage.close(), db.close(), r()))) };
}
