import cliProgress from 'cli-progress';
import type { ImportSummary } from '../importers/run-import';

/** A progress bar on a terminal; on a pipe (CI, logs) nothing until the summary. */
export function progressBar(label: string) {
  if (!process.stderr.isTTY) return { update: (_f: number) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label.padEnd(44).slice(0, 44)} [{bar}] {percentage}% | {eta_formatted} left`, hideCursor: true, stream: process.stderr, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(1000, 0);
  return { update: (f: number) => bar.update(Math.round(f * 1000)), stop: () => bar.stop() };
}

export function formatSummary(s: ImportSummary, verbose = false): string {
  const rate = s.seconds > 0 ? Math.round(s.read / s.seconds) : s.read;
  const lines = [
    `${s.file} (${s.format}): read ${s.read}, inserted ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}${s.checkins ? `, check-ins ${s.checkins}` : ''}, skipped ${s.skipped} — ${s.seconds.toFixed(2)} s, ${rate} rows/s`,
  ];
  const reasons = Object.entries(s.skippedByReason).sort((a, b) => b[1] - a[1]);
  for (const [reason, n] of reasons.slice(0, verbose ? reasons.length : 10)) lines.push(`    skipped ${n} × ${reason}`);
  if (!verbose && reasons.length > 10) lines.push(`    … ${reasons.length - 10} more reasons (use --verbose)`);
  if (verbose) for (const r of s.skippedRows) lines.push(`    line ${r.line}: ${r.reason}`);
  return lines.join('\n');
}
