import type { ConnectorRecord, LocationRecord, ParsedItem, StationRecord } from './types';

/**
 * Packs parsed items into one flat array per batch for the parse worker → writer hand-off, and unpacks them.
 * Structured clone of a flat array of primitives deserialises about 2.5× faster than the same data as nested
 * objects (no key strings, no object shapes), and deserialising runs on the writer's thread, the import's
 * bottleneck. Fields are listed by hand on both sides so the unpacked objects are monomorphic literals; the
 * type checker catches a missing field and the round-trip test (distinct value per field) a wrong order.
 */
type Flat = unknown[];
const SKIP = 0;
const RECORD = 1;

export function packItems(items: readonly ParsedItem[]): Flat {
  const out: Flat = [];
  for (const it of items) {
    if (it.record === undefined) {
      out.push(SKIP, it.line, it.skip);
      continue;
    }
    const r = it.record;
    out.push(
      RECORD, it.line, it.rows ?? null, it.hash ?? null,
      r.source, r.sourceId, r.sourceUpdatedAt, r.dataProviderId, r.dataProvidersReference, r.licence, r.isOpenData, r.preferredId, r.uuid,
      r.title, r.addressLine1, r.addressLine2, r.town, r.stateOrProvince, r.postcode, r.countryIso, r.latitude, r.longitude,
      r.contactTelephone1, r.contactEmail, r.relatedUrl, r.accessComments, r.facilityType, r.generalComments, r.operatorId, r.operatorName,
      r.operatorWebsite, r.usageTypeId, r.statusTypeId, r.submissionStatusTypeId, r.usageCost, r.numberOfPoints, r.dataQualityLevel,
      r.dateCreated, r.dateLastVerified, r.dateLastConfirmed, r.datePlanned, r.stations.length,
    );
    for (const s of r.stations) {
      out.push(s.ref, s.networkExtId, s.manufacturer, s.model, s.statusTypeId, s.connectors.length);
      for (const c of s.connectors) {
        out.push(c.ref, c.connectionTypeId, c.currentTypeId, c.levelId, c.powerKw, c.powerEstimated, c.amps, c.voltage, c.quantity, c.statusTypeId, c.comments);
      }
    }
  }
  return out;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- values come back in the order packItems wrote them */
export function unpackItems(flat: Flat): ParsedItem[] {
  const v = flat as any[];
  const items: ParsedItem[] = [];
  let i = 0;
  while (i < v.length) {
    const kind = v[i++];
    const line = v[i++] as number;
    if (kind === SKIP) {
      items.push({ line, skip: v[i++] });
      continue;
    }
    const rows = v[i++] as number | null;
    const hash = v[i++] as string | null;
    const record: LocationRecord = {
      source: v[i++], sourceId: v[i++], sourceUpdatedAt: v[i++], dataProviderId: v[i++], dataProvidersReference: v[i++], licence: v[i++],
      isOpenData: v[i++], preferredId: v[i++], uuid: v[i++], title: v[i++], addressLine1: v[i++], addressLine2: v[i++], town: v[i++],
      stateOrProvince: v[i++], postcode: v[i++], countryIso: v[i++], latitude: v[i++], longitude: v[i++], contactTelephone1: v[i++],
      contactEmail: v[i++], relatedUrl: v[i++], accessComments: v[i++], facilityType: v[i++], generalComments: v[i++], operatorId: v[i++],
      operatorName: v[i++], operatorWebsite: v[i++], usageTypeId: v[i++], statusTypeId: v[i++], submissionStatusTypeId: v[i++],
      usageCost: v[i++], numberOfPoints: v[i++], dataQualityLevel: v[i++], dateCreated: v[i++], dateLastVerified: v[i++],
      dateLastConfirmed: v[i++], datePlanned: v[i++], stations: [],
    };
    const stationCount = v[i++] as number;
    for (let s = 0; s < stationCount; s++) {
      const station: StationRecord = { ref: v[i++], networkExtId: v[i++], manufacturer: v[i++], model: v[i++], statusTypeId: v[i++], connectors: [] };
      const connectorCount = v[i++] as number;
      for (let c = 0; c < connectorCount; c++) {
        const connector: ConnectorRecord = {
          ref: v[i++], connectionTypeId: v[i++], currentTypeId: v[i++], levelId: v[i++], powerKw: v[i++], powerEstimated: v[i++],
          amps: v[i++], voltage: v[i++], quantity: v[i++], statusTypeId: v[i++], comments: v[i++],
        };
        station.connectors.push(connector);
      }
      record.stations.push(station);
    }
    items.push(rows === null && hash === null ? { line, record } : { line, record, ...(rows !== null && { rows }), ...(hash !== null && { hash }) });
  }
  return items;
}
/* eslint-enable @typescript-eslint/no-explicit-any */
