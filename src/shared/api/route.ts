import { z } from 'zod';
import { decodePolyline } from '../geo/polyline';

/** /api/route: a drivable line through the driver's waypoints (road routing when a service is configured). */
export const RouteQuery = z.object({
  waypoints: z
    .string()
    .trim()
    .min(1)
    .max(20_000)
    .transform((s, ctx) => {
      const points = decodePolyline(s);
      if (!points || points.length < 2 || points.length > 100) {
        ctx.addIssue({ code: 'custom', message: 'expected an encoded polyline of 2 to 100 waypoints' });
        return z.NEVER;
      }
      return points;
    })
    .describe('Encoded polyline (Google / OSRM format, precision 5) of the waypoints, start first'),
});

export const RouteResponse = z.object({
  source: z.enum(['osrm', 'straight']),
  /** The route line, encoded (precision 5). */
  polyline: z.string(),
  distance_km: z.number(),
  duration_min: z.number().nullable(),
  /** Why the route is straight lines, when it is. */
  notice: z.string().nullable(),
});
export type RouteResponse = z.infer<typeof RouteResponse>;
