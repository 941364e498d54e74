/**
 * Documented tables that map each source's vocabulary onto OCM reference ids.
 * README.md in this folder shows the same tables for readers; keep the two in step.
 */

// OCM reference ids used below (from CoreReferenceData.json).
export const CT = {
  unknown: 0,
  type1J1772: 1,
  chademo: 2,
  bs1363: 3,
  blueCommando: 4,
  nema520: 9,
  nema1430: 10,
  nema1450: 11,
  nema515: 22,
  type2Socket: 25,
  type3Scame: 26,
  nacs: 27,
  schuko: 28,
  teslaModelSX: 30,
  ccs1: 32,
  ccs2: 33,
  type2Tethered: 1036,
} as const;
export const CURRENT = { acSingle: 10, acThree: 20, dc: 30 } as const;
export const LEVEL = { l1: 1, l2: 2, l3: 3 } as const;
export const STATUS = {
  unknown: 0,
  temporarilyUnavailable: 30,
  operational: 50,
  partlyOperational: 75,
  notOperational: 100,
  planned: 150,
  removed: 200,
} as const;
export const USAGE = {
  unknown: 0,
  public: 1,
  privateRestricted: 2,
  privatelyOwnedNoticeRequired: 3,
  publicMembershipRequired: 4,
  publicPayAtLocation: 5,
  privateForCustomers: 6,
  publicNoticeRequired: 7,
} as const;
export const PROVIDER = { ocm: 1, afdc: 2, ncr: 18, bnetza: 29 } as const;

/** Short licence labels per OCM data provider; other providers keep their own licence text. */
export const LICENCE_BY_PROVIDER: Record<number, string> = {
  1: 'CC BY 4.0 (Open Charge Map contributors)',
  2: 'Public domain (U.S. DOE/NREL Alternative Fuels Data Center)',
  18: 'OGL v3.0 (UK National Chargepoint Registry)',
  19: 'CC BY 4.0 (NOBIL)',
  29: 'CC BY 4.0 (Bundesnetzagentur, Ladesäulenregister)',
};

/** OCM level for a connector from its power and current (OCM: level 1 under 2 kW, level 3 from 40 kW). */
export function levelFor(powerKw: number | null, currentTypeId: number | null): number | null {
  if (powerKw === null) return currentTypeId === CURRENT.dc ? LEVEL.l3 : null;
  if (powerKw < 2) return LEVEL.l1;
  if (powerKw >= 40) return LEVEL.l3;
  return LEVEL.l2;
}

// ---------------------------------------------------------------- AFDC

/** AFDC `EV Connector Types` tokens. `ac`/`dc` say which station (L1/L2 or DC fast) the connector belongs to. */
export const AFDC_CONNECTORS: Record<string, { connectionTypeId: number; kind: 'ac' | 'dc' | 'l1' | 'either' }> = {
  J1772: { connectionTypeId: CT.type1J1772, kind: 'ac' },
  J1772COMBO: { connectionTypeId: CT.ccs1, kind: 'dc' },
  CHADEMO: { connectionTypeId: CT.chademo, kind: 'dc' },
  // NACS: DC at Superchargers, AC at Tesla Destination sites; decided per row from the ports it has.
  TESLA: { connectionTypeId: CT.nacs, kind: 'either' },
  NEMA515: { connectionTypeId: CT.nema515, kind: 'l1' },
  NEMA520: { connectionTypeId: CT.nema520, kind: 'l1' },
  NEMA1450: { connectionTypeId: CT.nema1450, kind: 'ac' },
};

/**
 * Nominal power for AFDC ports, which carry no kW. Marked `powerEstimated` in the database and API.
 * L1: 120 V × 12 A. L2: 240 V × 30 A (typical public J1772 unit). NEMA 14-50: 240 V × 40 A.
 * DC: 50 kW unless the network only builds faster units (floor of that network's hardware).
 */
export const AFDC_NOMINAL = {
  l1: { powerKw: 1.4, voltage: 120, amps: 12 },
  l2: { powerKw: 7.2, voltage: 240, amps: 30 },
  l2Nema1450: { powerKw: 9.6, voltage: 240, amps: 40 },
  l2TeslaDestination: { powerKw: 11.5, voltage: 240, amps: 48 },
  dcDefault: 50,
} as const;
export const AFDC_DC_FLOOR_BY_NETWORK: Record<string, number> = {
  Tesla: 150, // V2 Superchargers are 150 kW; V3/V4 are 250 kW
  'Electrify America': 150, // every EA unit is 150 or 350 kW
  RIVIAN_ADVENTURE: 200,
  MERCEDES_BENZ: 400,
  IONNA: 400,
};

/**
 * AFDC `EV Network` → OCM operator id. Networks OCM does not list get a local operator row
 * (id ≥ 1000000) named by AFDC_NETWORK_NAMES.
 */
export const AFDC_NETWORK_OPERATOR: Record<string, number> = {
  'ChargePoint Network': 5,
  'Blink Network': 9,
  Tesla: 23,
  'Tesla Destination': 3534,
  'eVgo Network': 15,
  'Electrify America': 3318,
  'EV Connect': 3372,
  FLO: 89,
  AMPUP: 3619,
  SWTCH: 3493,
  RIVIAN_ADVENTURE: 3607,
  RIVIAN_WAYPOINTS: 3617,
  NOODOE: 3346,
  CHARGELAB: 3621,
  OpConnect: 107,
  RED_E: 3696,
  'Enel X Way': 80,
  SHELL_RECHARGE: 59, // Shell Recharge Solutions (US), formerly Greenlots
  'Non-Networked': 45, // (Business Owner at Location)
  Volta: 50,
  SemaCharge: 39,
  'CIRCLE_K': 3510,
};
export const AFDC_NETWORK_NAMES: Record<string, string> = {
  VIALYNK: 'Vialynk',
  CHARGESMART_EV: 'ChargeSmart EV',
  EVOKE: 'EVoke',
  EVGATEWAY: 'EV Gateway',
  FORD_CHARGE: 'Ford Charge',
  APPLEGREEN: 'Applegreen Electric',
  FLASH: 'Flash',
  REVEL: 'Revel',
  ZEFNET: 'Zefnet',
  EVIUM: 'Evium',
  LOOP: 'EV Loop',
  BP_PULSE: 'bp pulse (US)',
  AMPED_UP: 'Amped Up!',
  AUTEL: 'Autel',
  TURNONGREEN: 'Turn On Green',
  MATCHA: 'Matcha',
  GRAVITY_CHARGING_CENTER: 'Gravity',
  MERCEDES_BENZ: 'Mercedes-Benz High-Power Charging',
  ABM: 'ABM',
  QUICKCHARGE: 'QuickCharge',
  ELECTRIC_ERA: 'Electric Era',
  IN_CHARGE: 'In-Charge',
  EVRANGE: 'EV Range',
  IONNA: 'IONNA',
};

/** AFDC `Status Code`: E available, T temporarily unavailable, P planned. */
export const AFDC_STATUS: Record<string, number> = { E: STATUS.operational, T: STATUS.temporarilyUnavailable, P: STATUS.planned };

/** AFDC `Access Code` + `Groups With Access Code` → OCM usage type. */
export function afdcUsageType(accessCode: string | null, groups: string | null): number {
  const g = (groups ?? '').toLowerCase();
  if (accessCode === 'private') return USAGE.privateRestricted;
  if (g.includes('call ahead')) return USAGE.publicNoticeRequired;
  if (g.includes('card key') || g.includes('fleet') || g.includes('membership')) return USAGE.publicMembershipRequired;
  if (g.includes('credit card')) return USAGE.publicPayAtLocation;
  if (accessCode === 'public') return USAGE.public;
  return USAGE.unknown;
}

// ---------------------------------------------------------------- UK NCR

export const NCR_CONNECTORS: Record<string, number> = {
  '3-pin Type G (BS1363)': CT.bs1363,
  'Type 2 Mennekes (IEC62196)': CT.type2Socket,
  'JEVS G105 (CHAdeMO) DC': CT.chademo,
  'Type 2 Combo (IEC62196) DC': CT.ccs2,
  // 2017 Superchargers in the UK used a Type 2 inlet for DC; OCM files them under NACS / Tesla Supercharger.
  'Type 2 Tesla (IEC62196) DC': CT.nacs,
  'Type 1 SAEJ1772 (IEC 62196)': CT.type1J1772,
  'Type 3 Scame (IEC62196)': CT.type3Scame,
  'Commando 2P+E (IEC60309)': CT.blueCommando,
};
export const NCR_CHARGE_METHOD: Record<string, number> = {
  'Single Phase AC': CURRENT.acSingle,
  'Three Phase AC': CURRENT.acThree,
  DC: CURRENT.dc,
};
export const NCR_STATUS: Record<string, number> = {
  'In service': STATUS.operational,
  'Out of service': STATUS.notOperational,
  Planned: STATUS.planned,
};

// ---------------------------------------------------------------- BNetzA

/** BNetzA `Steckertypen` values (comma-separated inside one cell) → OCM connection type and current. */
export const BNETZA_CONNECTORS: Array<{ match: RegExp; connectionTypeId: number; currentTypeId: number }> = [
  { match: /DC Kupplung Combo|CCS/i, connectionTypeId: CT.ccs2, currentTypeId: CURRENT.dc },
  { match: /CHAdeMO/i, connectionTypeId: CT.chademo, currentTypeId: CURRENT.dc },
  { match: /Tesla/i, connectionTypeId: CT.nacs, currentTypeId: CURRENT.dc },
  { match: /AC Kupplung Typ 2/i, connectionTypeId: CT.type2Tethered, currentTypeId: CURRENT.acThree },
  { match: /AC Steckdose Typ 2|Typ 2/i, connectionTypeId: CT.type2Socket, currentTypeId: CURRENT.acThree },
  { match: /Schuko/i, connectionTypeId: CT.schuko, currentTypeId: CURRENT.acSingle },
  { match: /CEE/i, connectionTypeId: 17, currentTypeId: CURRENT.acThree },
];

// ---------------------------------------------------------------- shared helpers

/** Title-cases an all-caps network code: `CHARGESMART_EV` → `Chargesmart Ev` (only used when no table entry exists). */
export const prettyCode = (code: string) =>
  code
    .toLowerCase()
    .split(/[_\s]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
