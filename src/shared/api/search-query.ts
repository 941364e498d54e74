import { z } from 'zod';
import { queryInt } from './query-params';

export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'type at least one character').max(100, 'at most 100 characters').describe('Place name, location name or location id'),
  limit: queryInt(1, 50).default(8).describe('Results per kind (at most 50)'),
});
