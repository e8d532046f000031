// Neighbourhoods as clients see them, and the lookups the API answers.
import { z } from 'zod/mini';
import { idSchema } from './id.js';
import { singleLineText } from './text.js';

export const neighbourhoodSchema = z.object({
  id: z.string(),
  nameEn: z.string(),
  nameKo: z.nullable(z.string()),
  /** The city and district it is in ("Bundang-gu, Seongnam-si" / "성남시 분당구"): dong names repeat across Korea. */
  regionEn: z.optional(z.string()),
  regionKo: z.optional(z.string()),
  country: z.string(),
  lat: z.number(),
  lng: z.number(),
});
export type Neighbourhood = z.infer<typeof neighbourhoodSchema>;

const position = z.tuple([z.number(), z.number()]);

/**
 * A neighbourhood with the ids of the neighbourhoods in reach at each range level (1–4), and its
 * boundary (GeoJSON MultiPolygon coordinates, or a radius around its centre) so a device can tell
 * offline whether a reading is clearly outside it.
 */
export const neighbourhoodDetailSchema = z.extend(neighbourhoodSchema, {
  neighbours: z.record(z.string(), z.array(z.string())),
  radiusM: z.nullable(z.number()),
  polygons: z.nullable(z.array(z.array(z.array(position)))),
});
export type NeighbourhoodDetail = z.infer<typeof neighbourhoodDetailSchema>;

export const neighbourhoodIdSchema = idSchema;

const coordinate = (name: string, limit: number) =>
  z.pipe(
    z.string().check(z.regex(/^-?\d{1,3}(\.\d{1,12})?$/, `${name} must be a decimal number`)),
    z.pipe(z.transform(Number), z.number().check(z.gte(-limit, `${name} is out of range`), z.lte(limit, `${name} is out of range`))),
  );

export const locateQuerySchema = z.object({ lat: coordinate('lat', 90), lng: coordinate('lng', 180) });

export const searchQuerySchema = z.object({
  q: z._default(z.string().check(singleLineText(), z.trim(), z.maxLength(60, 'Search with at most 60 characters')), ''),
});

/** The answer to a search by name (`GET /api/neighbourhoods?q=`). */
export const neighbourhoodSearchResponseSchema = z.object({ neighbourhoods: z.array(neighbourhoodSchema) });

export const locateResponseSchema = z.object({
  neighbourhood: neighbourhoodSchema,
  /** True if the point is inside the neighbourhood, false if it is only the nearest one. */
  contains: z.boolean(),
  distanceM: z.number(),
});
export type LocateResponse = z.infer<typeof locateResponseSchema>;
