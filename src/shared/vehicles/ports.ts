/**
 * Charging-port families as Open EV Data names them, and which OCM connection types a car with that port can use.
 * Open EV Data describes cars as sold in Europe; the same model sold where Type 1 / CCS1 is the standard (North
 * America, Japan, Korea, Taiwan) has the local inlet instead, and a car at a charger is a car of that charger's
 * market. So compatibility depends on the charger's region. The table is in the README.
 */
export const PORT_FAMILIES = ['type1', 'type2', 'ccs', 'chademo', 'tesla_suc', 'tesla_ccs'] as const;
export type PortFamily = (typeof PORT_FAMILIES)[number];

export type ChargingRegion = 'type1' | 'type2';

/** Countries whose public chargers use SAE J1772 (Type 1) and CCS1 rather than Type 2 and CCS2. */
export const TYPE1_COUNTRY_CODES = ['US', 'CA', 'MX', 'PR', 'VI', 'GU', 'AS', 'MP', 'JP', 'KR', 'TW'] as const;
const TYPE1_COUNTRIES = new Set<string>(TYPE1_COUNTRY_CODES);

export function chargingRegion(countryIso: string | null | undefined): ChargingRegion {
  return countryIso && TYPE1_COUNTRIES.has(countryIso.toUpperCase()) ? 'type1' : 'type2';
}

/** OCM connection type ids. */
const CT = { j1772: 1, chademo: 2, type2Socket: 25, nacs: 27, teslaModelSX: 30, ccs1: 32, ccs2: 33, type2Tethered: 1036 } as const;

/**
 * Port family × region → connection types. Notes per row:
 * - type2 (AC): Type 2 socket (own cable) and tethered in Type 2 regions; the market's J1772 inlet elsewhere.
 * - type1 (AC): J1772 tethered; in Type 2 regions also Type 2 sockets with a Type 2 → Type 1 cable, the usual way.
 * - ccs: CCS2 / CCS1 by region. chademo: the same everywhere.
 * - tesla_suc / tesla_ccs: Tesla's own connector at Superchargers (OCM 27 "NACS / Tesla Supercharger", 30 "Tesla
 *   (Model S/X)"); tesla_ccs cars (Model 3/Y in Europe) also use CCS2. In Type 1 regions a Tesla has a NACS inlet:
 *   NACS at AC destination chargers too, and J1772 with the adapter every car comes with.
 */
const TABLE: Record<PortFamily, Record<ChargingRegion, number[]>> = {
  type2: { type2: [CT.type2Socket, CT.type2Tethered], type1: [CT.j1772] },
  type1: { type2: [CT.j1772, CT.type2Socket], type1: [CT.j1772] },
  ccs: { type2: [CT.ccs2], type1: [CT.ccs1] },
  chademo: { type2: [CT.chademo], type1: [CT.chademo] },
  tesla_suc: { type2: [CT.nacs, CT.teslaModelSX], type1: [CT.nacs, CT.teslaModelSX] },
  tesla_ccs: { type2: [CT.nacs, CT.ccs2], type1: [CT.nacs] },
};

const isPortFamily = (p: string): p is PortFamily => (PORT_FAMILIES as readonly string[]).includes(p);

/** Connection types a car with these ports (AC and DC together) can use in a region. */
export function compatibleConnectionTypes(ports: readonly string[], region: ChargingRegion): number[] {
  const out = new Set<number>();
  const known = ports.filter(isPortFamily);
  for (const p of known) for (const t of TABLE[p][region]) out.add(t);
  if (region === 'type1' && known.some((p) => p === 'tesla_suc' || p === 'tesla_ccs')) {
    out.add(CT.nacs);
    out.add(CT.j1772);
  }
  return [...out].sort((a, b) => a - b);
}

/** Both regions' sets, for a search filter that decides per location. */
export function compatibilityByRegion(ports: readonly string[]): Record<ChargingRegion, number[]> {
  return { type1: compatibleConnectionTypes(ports, 'type1'), type2: compatibleConnectionTypes(ports, 'type2') };
}

export const PORT_LABELS: Record<PortFamily, string> = {
  type1: 'Type 1 (J1772)',
  type2: 'Type 2',
  ccs: 'CCS',
  chademo: 'CHAdeMO',
  tesla_suc: 'Tesla Supercharger',
  tesla_ccs: 'Tesla / CCS',
};
