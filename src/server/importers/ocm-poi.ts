import type { Readable } from 'node:stream';
import readline from 'node:readline';
import { LICENCE_BY_PROVIDER, PROVIDER, levelFor } from './mappings';
import { RowError, guardRow } from './parse-helpers';
import { emptyLocation, type ImportedCommunity, type LocationRecord, type ParsedItem, type StationRecord } from './types';

type J = Record<string, unknown>;

export interface OcmImportContext {
  /** Data providers from reference data, for records that carry only DataProviderID (compact output). */
  provider(id: number): { title: string; license: string | null; isOpenData: boolean | null } | undefined;
  /** True when the AFDC station with this id is already stored from an AFDC export (OCM re-publishes AFDC data). */
  hasAfdcStation(afdcId: string): boolean;
}

/** Lower-cases keys recursively so verbose, compact and camelcase OCM output read the same way. */
function lowerKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(lowerKeys);
  if (v !== null && typeof v === 'object') {
    const o = v as J;
    if ('$date' in o) return mongoDate(o.$date);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k.toLowerCase(), lowerKeys(x)]));
  }
  return v;
}

/** The 2020 export is a MongoDB dump: dates are `{"$date": "…"}` or `{"$date": {"$numberLong": "…"}}`. */
function mongoDate(d: unknown): string | null {
  if (typeof d === 'string') return d;
  if (typeof d === 'number') return new Date(d).toISOString();
  if (d && typeof d === 'object' && '$numberLong' in d) return new Date(Number((d as J).$numberLong)).toISOString();
  return null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const intOrNull = (v: unknown) => {
  const n = numOrNull(v);
  return n === null ? null : Math.round(n);
};
const obj = (v: unknown): J | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as J) : null);

function isoDate(v: unknown, field: string): string | null {
  const s = str(v);
  if (s === null) return null;
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
  if (Number.isNaN(t)) throw new RowError(`${field}: not a date (${JSON.stringify(s)})`);
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

/** A POI whose keys are already lower-cased (lowerKeys) as a location record, or the reason it is left out. */
function ocmPoiToRecord(p: J | null, ctx: OcmImportContext): LocationRecord | string {
  if (!p) throw new RowError('not a JSON object');
  const id = intOrNull(p.id);
  if (id === null || id <= 0) throw new RowError('missing or invalid ID');
  const addr = obj(p.addressinfo);
  if (!addr) throw new RowError('missing AddressInfo');
  const lat = numOrNull(addr.latitude);
  const lng = numOrNull(addr.longitude);
  if (lat === null || lng === null) throw new RowError('missing AddressInfo.Latitude/Longitude');
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) throw new RowError(`coordinates out of range (${lat}, ${lng})`);

  const providerId = intOrNull(p.dataproviderid) ?? intOrNull(obj(p.dataprovider)?.id) ?? PROVIDER.ocm;
  const dp = obj(p.dataprovider);
  const known = ctx.provider(providerId);
  const isOpen = (dp?.isopendatalicensed as boolean | null | undefined) ?? known?.isOpenData ?? null;
  const providerTitle = str(dp?.title) ?? known?.title ?? `data provider ${providerId}`;
  if (isOpen !== true) return `not openly licensed (DataProvider ${providerId} ${providerTitle})`;
  const reference = str(p.dataprovidersreference);
  if (providerId === PROVIDER.afdc && reference && ctx.hasAfdcStation(reference)) {
    return `duplicate of AFDC station ${reference}, already imported from the AFDC export`;
  }
  const licence = LICENCE_BY_PROVIDER[providerId] ?? str(dp?.license) ?? known?.license ?? providerTitle;
  const country = obj(addr.country);
  const op = obj(p.operatorinfo);

  const connections = Array.isArray(p.connections) ? (p.connections as J[]) : [];
  const stations: StationRecord[] = connections.map((c, i) => {
    const powerKw = numOrNull(c.powerkw);
    const currentTypeId = intOrNull(c.currenttypeid) ?? intOrNull(obj(c.currenttype)?.id);
    const ref = str(c.id) ?? `i${i}`;
    return {
      ref: `conn-${ref}`,
      networkExtId: str(c.reference),
      manufacturer: null,
      model: null,
      statusTypeId: intOrNull(c.statustypeid),
      connectors: [
        {
          ref,
          connectionTypeId: intOrNull(c.connectiontypeid) ?? intOrNull(obj(c.connectiontype)?.id) ?? 0,
          currentTypeId,
          levelId: intOrNull(c.levelid) ?? levelFor(powerKw, currentTypeId),
          powerKw,
          powerEstimated: false,
          amps: intOrNull(c.amps),
          voltage: intOrNull(c.voltage),
          quantity: intOrNull(c.quantity),
          statusTypeId: intOrNull(c.statustypeid),
          comments: str(c.comments),
        },
      ],
    };
  });

  const record = emptyLocation({
    source: 'ocm',
    sourceId: String(id),
    dataProviderId: providerId,
    licence,
    title: str(addr.title) ?? `OCM-${id}`,
    latitude: lat,
    longitude: lng,
  });
  return {
    ...record,
    preferredId: id,
    uuid: str(p.uuid),
    dataProvidersReference: reference,
    sourceUpdatedAt: isoDate(p.datelaststatusupdate, 'DateLastStatusUpdate'),
    addressLine1: str(addr.addressline1),
    addressLine2: str(addr.addressline2),
    town: str(addr.town),
    stateOrProvince: str(addr.stateorprovince),
    postcode: str(addr.postcode),
    countryIso: str(country?.isocode)?.toUpperCase() ?? null,
    contactTelephone1: str(addr.contacttelephone1),
    contactEmail: str(addr.contactemail),
    relatedUrl: str(addr.relatedurl),
    accessComments: str(addr.accesscomments),
    generalComments: str(p.generalcomments),
    operatorId: intOrNull(p.operatorid) ?? intOrNull(op?.id),
    operatorName: str(op?.title),
    operatorWebsite: str(op?.websiteurl),
    usageTypeId: intOrNull(p.usagetypeid),
    statusTypeId: intOrNull(p.statustypeid),
    submissionStatusTypeId: intOrNull(p.submissionstatustypeid),
    usageCost: str(p.usagecost),
    numberOfPoints: intOrNull(p.numberofpoints),
    dataQualityLevel: intOrNull(p.dataqualitylevel),
    dateCreated: isoDate(p.datecreated, 'DateCreated'),
    dateLastVerified: isoDate(p.datelastverified, 'DateLastVerified'),
    dateLastConfirmed: isoDate(p.datelastconfirmed, 'DateLastConfirmed'),
    datePlanned: isoDate(p.dateplanned, 'DatePlanned'),
    stations,
  };
}

/** UserComments and MediaItems of a lower-cased OCM POI; entries without an ID or a date are left out. */
function ocmCommunity(p: J): ImportedCommunity {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(obj).filter((x): x is J => x !== null) : []);
  const date = (v: unknown) => {
    try {
      return isoDate(v, 'DateCreated');
    } catch {
      return null;
    }
  };
  const comments = list(p.usercomments).flatMap((c) => {
    const id = intOrNull(c.id);
    const createdAt = date(c.datecreated);
    if (id === null || createdAt === null) return [];
    const rating = intOrNull(c.rating);
    return [{
      sourceId: String(id),
      userName: str(c.username) ?? str(obj(c.user)?.username),
      commentTypeId: intOrNull(c.commenttypeid) ?? 10,
      checkinStatusTypeId: intOrNull(c.checkinstatustypeid),
      rating: rating !== null && rating >= 1 && rating <= 5 ? rating : null,
      comment: str(c.comment),
      relatedUrl: str(c.relatedurl),
      createdAt,
    }];
  });
  const media = list(p.mediaitems).flatMap((m) => {
    const id = intOrNull(m.id);
    const url = str(m.itemurl);
    const createdAt = date(m.datecreated);
    if (id === null || url === null || !/^https?:\/\//i.test(url) || createdAt === null || m.isenabled === false) return [];
    return [{ sourceId: String(id), url, thumbnailUrl: str(m.itemthumbnailurl), comment: str(m.comment), createdAt }];
  });
  return { comments, media };
}

/** A parsed OCM POI with the check-ins and photos published with it. */
function withCommunity(line: number, raw: () => unknown, ctx: OcmImportContext): ParsedItem {
  let poi: J | null = null;
  const item = guardRow(line, () => {
    poi = obj(lowerKeys(raw()));
    return ocmPoiToRecord(poi, ctx);
  });
  if (item.record === undefined || poi === null) return item;
  const community = ocmCommunity(poi);
  return community.comments.length || community.media.length ? { ...item, community } : item;
}

/** OCM API output: a JSON array of POIs. Positions are 1-based record numbers. */
export function* parseOcmJson(text: string, ctx: OcmImportContext): Generator<ParsedItem> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    yield { line: 1, skip: `not valid JSON: ${(err as Error).message}` };
    return;
  }
  if (!Array.isArray(doc)) {
    yield { line: 1, skip: 'expected a JSON array of POIs' };
    return;
  }
  for (let i = 0; i < doc.length; i++) yield withCommunity(i + 1, () => doc[i], ctx);
}

/** OCM export: one POI JSON object per line (MongoDB export: `_id` ignored, `$date` unwrapped). */
export async function* parseOcmNdjson(stream: Readable, ctx: OcmImportContext): AsyncGenerator<ParsedItem> {
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const t = line === 1 ? raw.replace(/^\uFEFF/, '').trim() : raw.trim();
    if (t === '') continue;
    yield withCommunity(
      line,
      () => {
        try {
          return JSON.parse(t) as unknown;
        } catch (err) {
          throw new RowError(`not valid JSON: ${(err as Error).message}`);
        }
      },
      ctx,
    );
  }
}
