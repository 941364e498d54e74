import { csvRows } from './csv-rows';
import { contentHash } from './content-hash';
import type { Readable } from 'node:stream';
import {
  AFDC_CONNECTORS,
  AFDC_DC_FLOOR_BY_NETWORK,
  AFDC_NETWORK_NAMES,
  AFDC_NETWORK_OPERATOR,
  AFDC_NOMINAL,
  AFDC_STATUS,
  CT,
  CURRENT,
  LEVEL,
  LICENCE_BY_PROVIDER,
  PROVIDER,
  afdcUsageType,
  prettyCode,
} from './mappings';
import { RowError, coordinates, date, guardRow, int, text } from './parse-helpers';
import { type ConnectorRecord, type LocationRecord, type ParsedItem, type StationRecord } from './types';

/** Pads ZIP codes whose leading zeros Excel stripped (MA export: `2128` → `02128`). */
export function normaliseZip(zip: string | null, state: string | null): string | null {
  if (zip === null) return null;
  if (/^\d{3,4}$/.test(zip) && state !== null && /^[A-Z]{2}$/.test(state)) return zip.padStart(5, '0');
  return zip;
}

type Row = Record<string, string>;

function connector(
  ref: string,
  connectionTypeId: number,
  level: number,
  currentTypeId: number,
  nominal: { powerKw: number; voltage: number | null; amps: number | null },
  quantity: number | null,
  comments: string | null,
): ConnectorRecord {
  return {
    ref,
    connectionTypeId,
    currentTypeId,
    levelId: level,
    powerKw: nominal.powerKw,
    powerEstimated: true,
    amps: nominal.amps,
    voltage: nominal.voltage,
    quantity,
    statusTypeId: null,
    comments,
  };
}

const share = (types: string[], n: number) => (types.length > 1 ? `${n} ports shared by ${types.join(', ')}; the source does not give the split` : null);

const station = (ref: string, connectors: ConnectorRecord[]): StationRecord => ({ ref, networkExtId: null, manufacturer: null, model: null, statusTypeId: null, connectors });

/**
 * AFDC rows give port counts per level and a list of connector types, not per-port data. Each level with ports
 * becomes a station; its connectors carry the port count when there is one connector type, and no count with a
 * note when several types share the ports (the split is not in the source).
 */
/** Port counts per level (Level 1, Level 2, DC fast); empty counts are 0. */
export function afdcPortCounts(row: Row): [number, number, number] {
  const n1 = int(row['EV Level1 EVSE Num'], 'EV Level1 EVSE Num') ?? 0;
  const n2 = int(row['EV Level2 EVSE Num'], 'EV Level2 EVSE Num') ?? 0;
  const n3 = int(row['EV DC Fast Count'], 'EV DC Fast Count') ?? 0;
  if (n1 < 0 || n2 < 0 || n3 < 0) throw new RowError('negative port count');
  return [n1, n2, n3];
}

export function afdcStations(row: Row, network: string | null, [n1, n2, n3] = afdcPortCounts(row)): StationRecord[] {
  // A type listed twice ("J1772 J1772" in a malformed row) is one type.
  const tokens = [...new Set((text(row['EV Connector Types']) ?? '').split(/\s+/).filter(Boolean))];
  const unknownTokens = tokens.filter((t) => !(t in AFDC_CONNECTORS));
  if (unknownTokens.length > 0) throw new RowError(`unknown connector type ${unknownTokens.join(', ')}`);

  const isTeslaDestination = network === 'Tesla Destination';
  const teslaIsDc = network === 'Tesla' || (n3 > 0 && !isTeslaDestination) || (n3 > 0 && n2 === 0);
  const ac = tokens.filter((t) => AFDC_CONNECTORS[t].kind === 'ac' || (t === 'TESLA' && !teslaIsDc));
  const dc = tokens.filter((t) => AFDC_CONNECTORS[t].kind === 'dc' || (t === 'TESLA' && teslaIsDc));
  const l1 = tokens.filter((t) => AFDC_CONNECTORS[t].kind === 'l1');
  const stations: StationRecord[] = [];

  if (n1 > 0) {
    const types = l1.length > 0 ? l1 : ['J1772'];
    stations.push(
      station(
        'l1',
        types.map((t) =>
          connector(t, AFDC_CONNECTORS[t].connectionTypeId, LEVEL.l1, CURRENT.acSingle, AFDC_NOMINAL.l1, types.length === 1 ? n1 : null, share(types, n1)),
        ),
      ),
    );
  }
  if (n2 > 0) {
    const types = ac.length > 0 ? ac : l1.length > 0 ? l1 : [];
    const list = types.length > 0 ? types : ['UNKNOWN'];
    stations.push(
      station(
        'l2',
        list.map((t) => {
          const nominal =
            t === 'NEMA1450' ? AFDC_NOMINAL.l2Nema1450 : t === 'TESLA' && isTeslaDestination ? AFDC_NOMINAL.l2TeslaDestination : AFDC_NOMINAL.l2;
          const ct = t === 'UNKNOWN' ? CT.unknown : AFDC_CONNECTORS[t].connectionTypeId;
          return connector(t, ct, LEVEL.l2, CURRENT.acSingle, nominal, list.length === 1 ? n2 : null, share(list, n2));
        }),
      ),
    );
  }
  if (n3 > 0) {
    const list = dc.length > 0 ? dc : ['UNKNOWN'];
    const floor = (network !== null ? AFDC_DC_FLOOR_BY_NETWORK[network] : undefined) ?? AFDC_NOMINAL.dcDefault;
    stations.push(
      station(
        'dc',
        list.map((t) =>
          connector(
            t,
            t === 'UNKNOWN' ? CT.unknown : AFDC_CONNECTORS[t].connectionTypeId,
            LEVEL.l3,
            CURRENT.dc,
            { powerKw: floor, voltage: null, amps: null },
            list.length === 1 ? n3 : null,
            share(list, n3),
          ),
        ),
      ),
    );
  }
  if (stations.length === 0 && tokens.length > 0) {
    // Connector types listed but no port counts (seen in planned stations): keep what is known, no quantities.
    stations.push(
      station(
        'unknown',
        tokens.map((t) => {
          const dcType = dc.includes(t);
          return connector(
            t,
            AFDC_CONNECTORS[t].connectionTypeId,
            dcType ? LEVEL.l3 : LEVEL.l2,
            dcType ? CURRENT.dc : CURRENT.acSingle,
            dcType ? { powerKw: AFDC_NOMINAL.dcDefault, voltage: null, amps: null } : AFDC_NOMINAL.l2,
            null,
            null,
          );
        }),
      ),
    );
  }
  return stations;
}

export function afdcRowToRecord(row: Row): LocationRecord | string {
  const fuel = text(row['Fuel Type Code']);
  if (fuel !== 'ELEC') return `not an electric station (Fuel Type Code ${fuel ?? 'empty'})`;
  const id = text(row['ID']);
  if (id === null || !/^\d+$/.test(id)) throw new RowError(`missing or invalid ID (${JSON.stringify(row['ID'])})`);
  const title = text(row['Station Name']);
  if (title === null) throw new RowError('missing Station Name');
  const { latitude, longitude } = coordinates(row['Latitude'], row['Longitude']);
  const network = text(row['EV Network']);
  const statusCode = text(row['Status Code']);
  const statusTypeId = statusCode === null ? null : AFDC_STATUS[statusCode];
  if (statusTypeId === undefined) throw new RowError(`unknown Status Code ${statusCode}`);
  const state = text(row['State']);
  const accessDays = text(row['Access Days Time']);
  const restricted = text(row['Restricted Access']);
  const country = text(row['Country']) ?? 'US';
  const ports = afdcPortCounts(row);
  // A complete literal rather than a spread over emptyLocation(): one object of one shape per row, which matters
  // at 100,000 rows a second.
  return {
    source: 'afdc',
    sourceId: id,
    sourceUpdatedAt: date(row['Updated At'], 'Updated At'),
    dataProviderId: PROVIDER.afdc,
    dataProvidersReference: id,
    licence: LICENCE_BY_PROVIDER[PROVIDER.afdc],
    isOpenData: true,
    preferredId: null,
    uuid: null,
    title,
    addressLine1: text(row['Street Address']),
    addressLine2: text(row['Intersection Directions']),
    town: text(row['City']),
    stateOrProvince: state,
    postcode: normaliseZip(text(row['ZIP']), state),
    countryIso: country.toUpperCase(),
    latitude,
    longitude,
    contactTelephone1: text(row['Station Phone']),
    contactEmail: null,
    relatedUrl: text(row['EV Network Web']),
    accessComments: [accessDays, restricted === 'true' || restricted === 'TRUE' ? 'Restricted access' : null].filter(Boolean).join('. ') || null,
    facilityType: text(row['Facility Type']),
    generalComments: text(row['EV Other Info']),
    operatorId: network ? (AFDC_NETWORK_OPERATOR[network] ?? null) : null,
    operatorName: network ? (AFDC_NETWORK_NAMES[network] ?? (/^[A-Z0-9_]+$/.test(network) ? prettyCode(network) : network)) : null,
    operatorWebsite: text(row['EV Network Web']),
    usageTypeId: afdcUsageType(text(row['Access Code']), text(row['Groups With Access Code'])),
    statusTypeId,
    submissionStatusTypeId: null,
    usageCost: text(row['EV Pricing']),
    numberOfPoints: ports[0] + ports[1] + ports[2] || null,
    dataQualityLevel: null,
    dateCreated: date(row['Open Date'], 'Open Date'),
    dateLastVerified: null,
    dateLastConfirmed: date(row['Date Last Confirmed'], 'Date Last Confirmed'),
    datePlanned: statusCode === 'P' ? date(row['Expected Date'], 'Expected Date') : null,
    stations: afdcStations(row, network, ports),
  };
}

/** Streams AFDC station CSV rows (BOM tolerated) as records or skips. */
export async function* parseAfdc(stream: Readable): AsyncGenerator<ParsedItem> {
  for await (const { line, row, fieldCountError, raw } of csvRows(stream)) {
    const item: ParsedItem = guardRow(line, () => {
      if (fieldCountError) throw new RowError(fieldCountError);
      return afdcRowToRecord(row);
    });
    if (item.record) item.hash = contentHash(raw);
    yield item;
  }
}
