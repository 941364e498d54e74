/**
 * PlugShare outlet connector ids (PlugShare API "Outlet Connector Types") ↔ OCM connection type ids.
 * Connector 6 carries a power enum: 0 = Tesla S HPWC (AC), 1 = Tesla Supercharger (DC).
 * 0 is this API's extension for connectors PlugShare has no id for (OCM type kept in `ocm_connection_type_id`).
 */
export const PLUGSHARE_CONNECTORS: Record<number, { name: string; ocmIds: number[] }> = {
  1: { name: 'US Wall Outlet', ocmIds: [22, 9, 10, 14, 15, 1042] },
  2: { name: 'J-1772', ocmIds: [1] },
  3: { name: 'CHAdeMO', ocmIds: [2] },
  4: { name: 'Tesla Roadster', ocmIds: [8] },
  5: { name: 'NEMA 14-50', ocmIds: [11] },
  6: { name: 'Tesla', ocmIds: [27, 30] },
  7: { name: 'Type 2 (Mennekes)', ocmIds: [25, 1036] },
  8: { name: 'Type 3', ocmIds: [26, 36] },
  9: { name: 'BS1363', ocmIds: [3] },
  10: { name: 'Europlug', ocmIds: [13, 28, 23] },
  11: { name: 'UK Commando', ocmIds: [4, 34] },
  12: { name: 'AS3112', ocmIds: [29] },
  13: { name: 'SAE Combo DC CCS', ocmIds: [32, 33] },
  14: { name: 'Three Phase 32A (UK)', ocmIds: [35, 17] },
};

const OCM_TO_PLUGSHARE = new Map<number, number>(Object.entries(PLUGSHARE_CONNECTORS).flatMap(([ps, v]) => v.ocmIds.map((o) => [o, Number(ps)] as const)));

export const DC_CURRENT_TYPE_ID = 30;

/** PlugShare connector id and power enum for an OCM connector. */
export function plugshareOutlet(ocmConnectionTypeId: number, currentTypeId: number | null): { connector: number; power: number | null } {
  const connector = OCM_TO_PLUGSHARE.get(ocmConnectionTypeId) ?? 0;
  if (connector === 6) return { connector, power: currentTypeId === DC_CURRENT_TYPE_ID ? 1 : 0 };
  return { connector, power: null };
}

/** PlugShare access (1 public, 2 restricted, 3 residential) ↔ OCM usage types. */
export const ACCESS_USAGE_TYPES: Record<1 | 2 | 3, number[]> = { 1: [1, 4, 5, 7], 2: [2, 6], 3: [3] };

export function plugshareAccess(usageTypeId: number | null): 1 | 2 | 3 {
  if (usageTypeId === 3) return 3;
  if (usageTypeId === 2 || usageTypeId === 6) return 2;
  return 1;
}

/** PlugShare amenity ids → facility types seen in the sources. */
export const AMENITY_FACILITY_TYPES: Record<number, string[]> = {
  1: ['HOTEL', 'INN', 'B_AND_B', 'MOTEL', 'Hotel', 'Hotel or B&B'],
};

