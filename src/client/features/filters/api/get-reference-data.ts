import { queryOptions, useQuery } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

export interface RefItem {
  ID: number;
  Title: string;
}

export interface ReferenceData {
  ConnectionTypes: RefItem[];
  Operators: RefItem[];
  UsageTypes: RefItem[];
  StatusTypes: RefItem[];
  CheckinStatusTypes: Array<RefItem & { IsPositive: boolean | null; IsAutomatedCheckin: boolean | null }>;
  UserCommentTypes: RefItem[];
  Countries: Array<RefItem & { ISOCode: string }>;
}

export const referenceDataQuery = queryOptions({
  queryKey: ['reference-data'] as const,
  queryFn: async ({ signal }) => (await getJson<ReferenceData>('/v3/referencedata', signal)).data,
  staleTime: Infinity,
});

export const useReferenceData = () => useQuery(referenceDataQuery);
