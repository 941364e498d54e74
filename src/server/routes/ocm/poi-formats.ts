import Papa from 'papaparse';
import { XMLBuilder } from 'fast-xml-parser';

type Json = Record<string, unknown>;

/** Reads a property whether the object was camel-cased or not. */
const get = (o: Json | null | undefined, pascal: string): unknown => {
  if (!o) return undefined;
  if (pascal in o) return o[pascal];
  const lower = pascal.toLowerCase();
  const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : o[key];
};

const coordsOf = (poi: Json) => {
  const a = get(poi, 'AddressInfo') as Json;
  return { lat: Number(get(a, 'Latitude')), lng: Number(get(a, 'Longitude')), title: String(get(a, 'Title') ?? '') };
};

export function toGeoJson(pois: Json[]): Json {
  return {
    type: 'FeatureCollection',
    features: pois.map((p) => {
      const { lat, lng } = coordsOf(p);
      return { type: 'Feature', id: get(p, 'ID'), geometry: { type: 'Point', coordinates: [lng, lat] }, properties: p };
    }),
  };
}

const xml = new XMLBuilder({ ignoreAttributes: false, format: false, suppressEmptyNode: true, processEntities: true });

/** Arrays become a wrapper element holding one element per item, as OCM's XML does (Connections/ConnectionInfo). */
const ITEM_NAMES: Record<string, string> = { connections: 'ConnectionInfo', usercomments: 'UserComment', mediaitems: 'MediaItem' };

function toXmlTree(v: unknown, key = ''): unknown {
  if (Array.isArray(v)) return { [ITEM_NAMES[key.toLowerCase()] ?? 'Item']: v.map((x) => toXmlTree(x)) };
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v as Json).filter(([, x]) => x !== null && x !== undefined).map(([k, x]) => [k, toXmlTree(x, k)]));
  return v;
}

export function toXml(pois: Json[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml.build({ ChargePoints: { ChargePoint: pois.map((p) => toXmlTree(p)) } })}`;
}

const connectionSummary = (p: Json) =>
  ((get(p, 'Connections') as Json[] | undefined) ?? [])
    .map((c) => {
      const type = (get(get(c, 'ConnectionType') as Json, 'Title') as string | undefined) ?? `type ${String(get(c, 'ConnectionTypeID'))}`;
      const kw = get(c, 'PowerKW');
      const q = get(c, 'Quantity');
      return `${type}${kw !== null && kw !== undefined ? ` ${kw} kW` : ''}${q !== null && q !== undefined ? ` x${q}` : ''}`;
    })
    .join('; ');

export function toCsv(pois: Json[]): string {
  const rows = pois.map((p) => {
    const a = get(p, 'AddressInfo') as Json;
    const title = (o: unknown) => (get(o as Json, 'Title') as string | undefined) ?? '';
    return {
      ID: get(p, 'ID'),
      UUID: get(p, 'UUID'),
      Title: get(a, 'Title'),
      AddressLine1: get(a, 'AddressLine1'),
      AddressLine2: get(a, 'AddressLine2'),
      Town: get(a, 'Town'),
      StateOrProvince: get(a, 'StateOrProvince'),
      Postcode: get(a, 'Postcode'),
      CountryISOCode: get(get(a, 'Country') as Json, 'ISOCode'),
      Latitude: get(a, 'Latitude'),
      Longitude: get(a, 'Longitude'),
      Distance: get(a, 'Distance'),
      OperatorID: get(p, 'OperatorID'),
      Operator: title(get(p, 'OperatorInfo')),
      UsageTypeID: get(p, 'UsageTypeID'),
      UsageType: title(get(p, 'UsageType')),
      UsageCost: get(p, 'UsageCost'),
      StatusTypeID: get(p, 'StatusTypeID'),
      StatusType: title(get(p, 'StatusType')),
      NumberOfPoints: get(p, 'NumberOfPoints'),
      Connections: connectionSummary(p),
      DataProviderID: get(p, 'DataProviderID'),
      DataProvider: title(get(p, 'DataProvider')),
      DataProvidersReference: get(p, 'DataProvidersReference'),
      DateCreated: get(p, 'DateCreated'),
      DateLastStatusUpdate: get(p, 'DateLastStatusUpdate'),
      DateLastConfirmed: get(p, 'DateLastConfirmed'),
    };
  });
  return Papa.unparse(rows, { header: true, newline: '\r\n' }) || 'ID\r\n';
}

export function toKml(pois: Json[]): string {
  const doc = {
    kml: {
      '@_xmlns': 'http://www.opengis.net/kml/2.2',
      Document: {
        name: 'Charging locations',
        Placemark: pois.map((p) => {
          const { lat, lng, title } = coordsOf(p);
          const a = get(p, 'AddressInfo') as Json;
          const address = ['AddressLine1', 'Town', 'StateOrProvince', 'Postcode'].map((k) => get(a, k)).filter(Boolean).join(', ');
          return {
            '@_id': `poi-${String(get(p, 'ID'))}`,
            name: title,
            description: [address, connectionSummary(p)].filter(Boolean).join('\n'),
            Point: { coordinates: `${lng},${lat},0` },
          };
        }),
      },
    },
  };
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml.build(doc)}`;
}
