import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { csvRows } from './csv-rows';
import { BNETZA_CONNECTORS, CT, CURRENT, LICENCE_BY_PROVIDER, PROVIDER, STATUS, USAGE, levelFor } from './mappings';
import { RowError, coordinates, date, guardRow, int, num, text } from './parse-helpers';
import { emptyLocation, type ConnectorRecord, type LocationRecord, type ParsedItem, type StationRecord } from './types';

/** Normalises header variants across register editions: `Steckertypen 1` / `Steckertypen1`, `P1 [kW]`, `Breitengrad [DG]`. */
export function fixBnetzaHeader(names: string[]): string[] {
  return names.map((n) =>
    n
      .replace(/\s*\[(DG|kW)\]\s*$/i, '')
      .replace(/^Steckertypen\s+(\d)$/, 'Steckertypen$1')
      .replace(/^Art der Ladeeinrichung$/, 'Art der Ladeeinrichtung')
      .replace(/^Anschlussleistung$/, 'Anschlussleistung')
      .trim(),
  );
}

export const detectDelimiter = (headerLine: string) => ((headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',');

interface Device {
  line: number;
  row: Record<string, string>;
  latitude: number;
  longitude: number;
}

function address(row: Record<string, string>) {
  if ('Adresse' in row) {
    // Berlin 2018 edition: `Adresse` = street + number, `Postleitzahl Ort` = "10115 Berlin".
    const plzOrt = text(row['Postleitzahl Ort']) ?? '';
    const m = /^(\d{5})\s+(.*)$/.exec(plzOrt);
    return { street: text(row['Adresse']), postcode: m ? m[1] : null, town: m ? m[2] : text(plzOrt), state: null as string | null };
  }
  return {
    street: [text(row['Straße']), text(row['Hausnummer'])].filter(Boolean).join(' ') || null,
    postcode: text(row['Postleitzahl']),
    town: text(row['Ort']),
    state: text(row['Bundesland']),
  };
}

function deviceConnectors(row: Record<string, string>): ConnectorRecord[] {
  const out: ConnectorRecord[] = [];
  for (let k = 1; k <= 6; k++) {
    const plugs = text(row[`Steckertypen${k}`]);
    if (plugs === null) continue;
    const powerKw = num(row[`P${k}`], `P${k}`);
    plugs.split(',').map((p) => p.trim()).filter(Boolean).forEach((plug, i) => {
      const m = BNETZA_CONNECTORS.find((c) => c.match.test(plug));
      const currentTypeId = m?.currentTypeId ?? (/^DC/i.test(plug) ? CURRENT.dc : CURRENT.acThree);
      out.push({
        ref: `p${k}-${i}`,
        connectionTypeId: m?.connectionTypeId ?? CT.unknown,
        currentTypeId,
        levelId: levelFor(powerKw, currentTypeId),
        powerKw,
        powerEstimated: false,
        amps: null,
        voltage: null,
        quantity: 1,
        statusTypeId: null,
        comments: m ? null : `Connector type in source: ${plug}`,
      });
    });
  }
  return out;
}

/** One register row is one charging device; devices at the same coordinates and address form one location. */
function toLocation(devices: Device[]): LocationRecord {
  const first = devices[0].row;
  const addr = address(first);
  const operator = text(first['Betreiber']);
  const key = `${devices[0].latitude.toFixed(6)},${devices[0].longitude.toFixed(6)}|${addr.street ?? ''}|${addr.postcode ?? ''}`;
  const sourceId = createHash('sha1').update(key).digest('hex').slice(0, 16);
  // Deterministic station order so re-imports keep station refs stable.
  const sorted = [...devices].sort((a, b) => JSON.stringify(a.row).localeCompare(JSON.stringify(b.row)));
  const stations: StationRecord[] = sorted.map((d, i) => ({
    ref: `device-${i + 1}`,
    networkExtId: null,
    manufacturer: null,
    model: null,
    statusTypeId: STATUS.operational,
    connectors: deviceConnectors(d.row),
  }));
  const dates = devices.map((d) => date(d.row['Inbetriebnahmedatum'], 'Inbetriebnahmedatum')).filter((d): d is string => d !== null).sort();
  const points = devices.reduce((s, d) => s + (int(d.row['Anzahl Ladepunkte'], 'Anzahl Ladepunkte') ?? 0), 0);
  return {
    ...emptyLocation({
      source: 'bnetza',
      sourceId,
      dataProviderId: PROVIDER.bnetza,
      licence: LICENCE_BY_PROVIDER[PROVIDER.bnetza],
      title: [operator, addr.street].filter(Boolean).join(', ') || 'Ladesäule',
      latitude: devices[0].latitude,
      longitude: devices[0].longitude,
    }),
    dataProvidersReference: null,
    addressLine1: addr.street,
    addressLine2: text(first['Adresszusatz']),
    town: addr.town,
    stateOrProvince: addr.state,
    postcode: addr.postcode,
    countryIso: 'DE',
    operatorName: operator,
    usageTypeId: USAGE.public,
    statusTypeId: STATUS.operational,
    numberOfPoints: points || null,
    dateCreated: dates[0] ?? null,
    stations,
  };
}

export async function* parseBnetza(stream: Readable, headerLine: string): AsyncGenerator<ParsedItem> {
  const groups = new Map<string, Device[]>();
  for await (const { line, row, fieldCountError } of csvRows(stream, { delimiter: detectDelimiter(headerLine), fixHeader: fixBnetzaHeader })) {
    const item = guardRow(line, () => {
      if (fieldCountError) throw new RowError(fieldCountError);
      if (text(row['Betreiber']) === null && text(row['Breitengrad']) === null) return 'empty row';
      const c = coordinates(row['Breitengrad'], row['Längengrad']);
      // Validate the device's fields now so a bad row is reported with its own line number.
      date(row['Inbetriebnahmedatum'], 'Inbetriebnahmedatum');
      if (deviceConnectors(row).length === 0) throw new RowError('no connector types (Steckertypen)');
      return { line, row, ...c } satisfies Device;
    });
    if (item.skip !== undefined) {
      yield { line, skip: item.skip };
      continue;
    }
    const d = item.record;
    const key = `${d.latitude.toFixed(6)},${d.longitude.toFixed(6)}|${JSON.stringify(address(d.row))}`;
    const list = groups.get(key);
    if (list) list.push(d);
    else groups.set(key, [d]);
  }
  for (const devices of groups.values()) yield { line: devices[0].line, record: toLocation(devices), rows: devices.length };
}
