import { z } from 'zod';

/** `/api/locations/{id}/occupancy` (extension): share of status samples in use by local hour of week. */
export const OccupancySchema = z.object({
  location_id: z.number(),
  time_zone: z.string().describe('IANA zone the hours are local to'),
  days: z.number().describe('How many days back the figures reach'),
  samples: z.number().describe('EVSE status samples behind the figures'),
  checkins: z.number().describe('Successful check-ins counted as use'),
  simulated: z.boolean().describe('Some samples came from the feed simulator'),
  summary: z.string().nullable().describe('"Usually busy Fri 17:00–19:00", or null when no hour is busy'),
  buckets: z
    .array(z.object({ day: z.number().describe('0 Monday … 6 Sunday'), hour: z.number(), occupancy: z.number().nullable(), samples: z.number(), checkins: z.number() }))
    .length(168),
});
export type Occupancy = z.infer<typeof OccupancySchema>;
