import type { Readable } from 'node:stream';
import { csvRows } from './csv-rows';
import { contentHash } from './content-hash';
import { LICENCE_BY_PROVIDER, NCR_CHARGE_METHOD, NCR_CONNECTORS, NCR_STATUS, PROVIDER, STATUS, USAGE, CT, levelFor } from './mappings';
import { RowError, bool01, coordinates, date, guardRow, int, num, text } from './parse-helpers';
import { emptyLocation, type ConnectorRecord, type LocationRecord, type ParsedItem } from './types';

/**
 * The 2017 NCR header labels the column after `connector2Description` `connector3Validated` (a duplicate).
 * Each `connectorNValidated` is renamed after the connector whose description precedes it.
 */
export function fixNcrHeader(names: string[]): string[] {
  return names.map((name, i) => {
    const prev = /^connector(\d+)Description$/.exec(names[i - 1] ?? '');
    return /^connector\d+Validated$/.test(name) && prev ? `connector${prev[1]}Validated` : name;
  });
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function openingHours(row: Record<string, string>): string | null {
  if (bool01(row['access24Hours'])) return '24 hours';
  const parts = DAYS.map((d) => {
    const from = text(row[`access${d}From`]);
    const to = text(row[`access${d}To`]);
    return from && to ? `${d.slice(0, 3)} ${from.slice(0, 5)}–${to.slice(0, 5)}` : null;
  }).filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : null;
}

function connectors(row: Record<string, string>): ConnectorRecord[] {
  const out: ConnectorRecord[] = [];
  for (let i = 1; i <= 8; i++) {
    const type = text(row[`connector${i}Type`]);
    if (type === null) continue;
    const connectionTypeId = NCR_CONNECTORS[type];
    if (connectionTypeId === undefined && !/^[A-Za-z0-9 ()\-/+.,]+$/.test(type)) throw new RowError(`connector${i}Type: unexpected value ${JSON.stringify(type)}`);
    const powerKw = num(row[`connector${i}RatedOutputKW`], `connector${i}RatedOutputKW`);
    const method = text(row[`connector${i}ChargeMethod`]);
    const currentTypeId = method ? (NCR_CHARGE_METHOD[method] ?? null) : null;
    const status = text(row[`connector${i}Status`]);
    out.push({
      ref: text(row[`connector${i}ID`]) ?? `c${i}`,
      connectionTypeId: connectionTypeId === CT.type2Socket && bool01(row[`connector${i}TetheredCable`]) ? CT.type2Tethered : (connectionTypeId ?? CT.unknown),
      currentTypeId,
      levelId: levelFor(powerKw, currentTypeId),
      powerKw,
      powerEstimated: false,
      amps: int(row[`connector${i}OutputCurrent`], `connector${i}OutputCurrent`),
      voltage: int(row[`connector${i}RatedVoltage`], `connector${i}RatedVoltage`),
      quantity: 1,
      statusTypeId: status ? (NCR_STATUS[status] ?? null) : null,
      comments: connectionTypeId === undefined ? `Connector type in source: ${type}` : null,
    });
  }
  return out;
}

function usageType(row: Record<string, string>): number {
  if (bool01(row['accessRestrictionFlag'])) return USAGE.privateRestricted;
  if (bool01(row['subscriptionRequired'])) return USAGE.publicMembershipRequired;
  if (bool01(row['paymentRequired'])) return USAGE.publicPayAtLocation;
  return USAGE.public;
}

export function ncrRowToRecord(row: Record<string, string>): LocationRecord | string {
  const id = text(row['chargeDeviceID']);
  if (id === null) throw new RowError('missing chargeDeviceID');
  const { latitude, longitude } = coordinates(row['latitude'], row['longitude']);
  const status = text(row['chargeDeviceStatus']);
  let statusTypeId = status === null ? null : NCR_STATUS[status];
  if (statusTypeId === undefined) throw new RowError(`chargeDeviceStatus: unknown value ${JSON.stringify(status)}`);
  const deleted = text(row['dateDeleted']);
  if (deleted && deleted !== 'n/a') statusTypeId = STATUS.removed;
  const networks = (text(row['deviceNetworks']) ?? '').split(',').map((s) => s.trim()).filter((s) => s && s !== '*No Network');
  const cost = [
    bool01(row['paymentRequired']) ? `Payment required${text(row['paymentRequiredDetails']) ? `: ${text(row['paymentRequiredDetails'])}` : ''}` : null,
    bool01(row['subscriptionRequired']) ? `Subscription required${text(row['subscriptionRequiredDetails']) ? `: ${text(row['subscriptionRequiredDetails'])}` : ''}` : null,
    bool01(row['parkingFeesFlag']) ? `Parking fees${text(row['parkingFeesDetails']) ? `: ${text(row['parkingFeesDetails'])}` : ''}` : null,
    bool01(row['paymentRequired']) === false && bool01(row['subscriptionRequired']) === false ? 'Free' : null,
  ].filter(Boolean);
  const street = [text(row['buildingNumber']), text(row['thoroughfare'])].filter(Boolean).join(' ') || text(row['street']);
  const conns = connectors(row);
  return {
    ...emptyLocation({
      source: 'ncr',
      sourceId: id,
      dataProviderId: PROVIDER.ncr,
      licence: LICENCE_BY_PROVIDER[PROVIDER.ncr],
      title: text(row['name']) ?? text(row['locationShortDescription']) ?? street ?? `Charge device ${text(row['reference']) ?? id}`,
      latitude,
      longitude,
    }),
    sourceUpdatedAt: date(row['dateUpdated'], 'dateUpdated') ?? date(row['lastUpdated'], 'lastUpdated'),
    addressLine1: street,
    addressLine2: [text(row['subBuildingName']), text(row['buildingName']), text(row['dependantLocality'])].filter(Boolean).join(', ') || null,
    town: text(row['town']),
    stateOrProvince: text(row['county']),
    postcode: text(row['postcode']),
    countryIso: (text(row['countryCode']) ?? 'GB').toUpperCase(),
    contactTelephone1: text(row['deviceControllerTelephoneNo']) ?? text(row['deviceOwnerTelephoneNo']),
    relatedUrl: text(row['deviceControllerWebsite']) ?? text(row['deviceOwnerWebsite']),
    accessComments: [openingHours(row), text(row['accessRestrictionDetails']), text(row['locationLongDescription'])].filter(Boolean).join('. ') || null,
    facilityType: text(row['locationType']),
    generalComments: text(row['deviceDescription']),
    operatorName: networks[0] ?? text(row['deviceControllerName']) ?? text(row['deviceOwnerName']),
    operatorWebsite: text(row['deviceControllerWebsite']) ?? text(row['deviceOwnerWebsite']),
    usageTypeId: usageType(row),
    statusTypeId,
    usageCost: cost.length > 0 ? cost.join('. ') : null,
    numberOfPoints: conns.length || null,
    dateCreated: date(row['dateCreated'], 'dateCreated'),
    stations: [
      {
        ref: 'device',
        networkExtId: text(row['reference']),
        manufacturer: text(row['deviceManufacturer']),
        model: text(row['deviceModel']),
        statusTypeId,
        connectors: conns,
      },
    ],
  };
}

export async function* parseNcr(stream: Readable): AsyncGenerator<ParsedItem> {
  for await (const { line, row, fieldCountError, raw } of csvRows(stream, { fixHeader: fixNcrHeader })) {
    const item: ParsedItem = guardRow(line, () => {
      if (fieldCountError) throw new RowError(fieldCountError);
      return ncrRowToRecord(row);
    });
    if (item.record) item.hash = contentHash(raw);
    yield item;
  }
}
