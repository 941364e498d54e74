/** A source record normalised onto OCM reference ids, before it is written. Importers produce these; the writer stores them. */
export interface ConnectorRecord {
  /** Stable key inside its station across re-imports. */
  ref: string;
  connectionTypeId: number;
  currentTypeId: number | null;
  levelId: number | null;
  powerKw: number | null;
  /** True when the source gave no power and powerKw is the documented nominal value (see mappings.ts). */
  powerEstimated: boolean;
  amps: number | null;
  voltage: number | null;
  quantity: number | null;
  statusTypeId: number | null;
  comments: string | null;
}

export interface StationRecord {
  ref: string;
  networkExtId: string | null;
  manufacturer: string | null;
  model: string | null;
  statusTypeId: number | null;
  connectors: ConnectorRecord[];
}

export interface LocationRecord {
  source: SourceName;
  sourceId: string;
  sourceUpdatedAt: string | null;
  dataProviderId: number;
  /** The record's id at the original data provider (OCM DataProvidersReference). */
  dataProvidersReference: string | null;
  licence: string;
  isOpenData: boolean;
  /** Keep the source's own numeric id as ours (OCM ids), so OCM clients see the same ID. */
  preferredId: number | null;
  uuid: string | null;
  title: string;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  stateOrProvince: string | null;
  postcode: string | null;
  countryIso: string | null;
  latitude: number;
  longitude: number;
  contactTelephone1: string | null;
  contactEmail: string | null;
  relatedUrl: string | null;
  accessComments: string | null;
  facilityType: string | null;
  generalComments: string | null;
  /** Either an OCM operator id, or a name resolved (or created) by the writer. */
  operatorId: number | null;
  operatorName: string | null;
  operatorWebsite: string | null;
  usageTypeId: number | null;
  statusTypeId: number | null;
  submissionStatusTypeId: number | null;
  usageCost: string | null;
  numberOfPoints: number | null;
  dataQualityLevel: number | null;
  dateCreated: string | null;
  dateLastVerified: string | null;
  dateLastConfirmed: string | null;
  datePlanned: string | null;
  stations: StationRecord[];
}

export type SourceName = 'afdc' | 'ocm' | 'ncr' | 'bnetza';

/** A check-in (OCM UserComment) that came with an imported record. */
export interface ImportedComment {
  sourceId: string;
  userName: string | null;
  commentTypeId: number;
  checkinStatusTypeId: number | null;
  rating: number | null;
  comment: string | null;
  relatedUrl: string | null;
  createdAt: string;
}

/** A photo (OCM MediaItem) that came with an imported record; it stays hosted by its source. */
export interface ImportedMedia {
  sourceId: string;
  url: string;
  thumbnailUrl: string | null;
  comment: string | null;
  createdAt: string;
}

export interface ImportedCommunity {
  comments: ImportedComment[];
  media: ImportedMedia[];
}

/** One unit an importer yields: a record to write, or a row it skipped with the reason. */
export type ParsedItem =
  | {
      line: number;
      record: LocationRecord;
      skip?: undefined;
      /** Source rows merged into this record (BNetzA devices). */
      rows?: number;
      /** contentHash() of the raw source text, when the importer has it (see content-hash.ts). */
      hash?: string;
      /** Check-ins and photos published with the record (OCM). */
      community?: ImportedCommunity;
    }
  | { line: number; record?: undefined; skip: string; rows?: undefined };

export const emptyLocation = (
  base: Pick<LocationRecord, 'source' | 'sourceId' | 'dataProviderId' | 'licence' | 'title' | 'latitude' | 'longitude'>,
): LocationRecord => ({
  sourceUpdatedAt: null,
  dataProvidersReference: base.sourceId,
  isOpenData: true,
  preferredId: null,
  uuid: null,
  addressLine1: null,
  addressLine2: null,
  town: null,
  stateOrProvince: null,
  postcode: null,
  countryIso: null,
  contactTelephone1: null,
  contactEmail: null,
  relatedUrl: null,
  accessComments: null,
  facilityType: null,
  generalComments: null,
  operatorId: null,
  operatorName: null,
  operatorWebsite: null,
  usageTypeId: null,
  statusTypeId: null,
  submissionStatusTypeId: null,
  usageCost: null,
  numberOfPoints: null,
  dataQualityLevel: null,
  dateCreated: null,
  dateLastVerified: null,
  dateLastConfirmed: null,
  datePlanned: null,
  stations: [],
  ...base,
});
