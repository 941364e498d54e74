/** Credit per OCM data provider id for the bundled sources (see data/ATTRIBUTION.md). */
const AFDC = 'Charging data: <a href="https://afdc.energy.gov/">U.S. DOE/NREL AFDC</a> (public domain)';
const OCM = '<a href="https://openchargemap.org">Open Charge Map</a> contributors (CC BY 4.0 / CC BY-SA 4.0)';
const NCR = 'UK NCR: contains public sector information licensed under the Open Government Licence v3.0';
const BNETZA = 'Bundesnetzagentur Ladesäulenregister (CC BY 4.0)';
const CREDIT_BY_PROVIDER: Record<number, string[]> = { 1: [OCM], 2: [AFDC], 18: [NCR], 19: [OCM, 'NOBIL by Enova (CC BY 4.0)'], 29: [BNETZA] };

/** Live availability posted by `npm run simulate:feed`: demo data, never presented as real. */
export const SIMULATED_CREDIT = 'Live availability: <strong>simulated</strong> feed (demo data)';

/** Every bundled charging-data source: shown when what is on screen is not known (server clusters). */
export const DATA_ATTRIBUTION = [AFDC, OCM, NCR, BNETZA];

/** Credits for the data providers of the locations on screen; records from other providers came through OCM. */
export function attributionFor(providers: Iterable<number | null>): string[] {
  const out = new Set<string>();
  for (const p of providers) for (const c of (p !== null && CREDIT_BY_PROVIDER[p]) || [OCM]) out.add(c);
  return [AFDC, OCM, NCR, BNETZA, ...out].filter((c, i, all) => out.has(c) && all.indexOf(c) === i);
}
