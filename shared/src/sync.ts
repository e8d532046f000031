// The sync protocol on the wire: push of outbox mutations, and paged pull of changes.
import { z } from 'zod';
import { listingSchema } from './listing.js';

export const SYNC_LIMITS = {
  /** Mutations per push request; the client sends its outbox in batches of this size. */
  pushBatchMax: 100,
  pullPageDefault: 500,
  pullPageMax: 1000,
  /** Request bodies above this are refused before they are parsed. */
  bodyMaxBytes: 1024 * 1024,
} as const;

/** Where the user was when they acted; checked by the server when the mutation syncs. */
export const fixSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().nonnegative(),
  takenAt: z.number().int(),
});
export type Fix = z.infer<typeof fixSchema>;

/** A mutation as it travels; `args` is checked against the registry once the name is known. */
export const mutationSchema = z.object({
  mutationId: z.uuid(),
  seq: z.number().int().positive(),
  name: z.string().min(1).max(64),
  args: z.unknown(),
  createdAt: z.number().int(),
  fix: fixSchema.optional(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z.object({
  clientId: z.uuid(),
  mutations: z.array(mutationSchema).min(1).max(SYNC_LIMITS.pushBatchMax),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.discriminatedUnion('status', [
  z.object({ mutationId: z.uuid(), seq: z.number().int(), status: z.literal('applied') }),
  z.object({
    mutationId: z.uuid(),
    seq: z.number().int(),
    status: z.literal('rejected'),
    code: z.string(),
    message: z.string(),
  }),
]);
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  lastSeq: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullQuerySchema = z.object({
  clientId: z.uuid().optional(),
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, 'cursor must be a non-negative whole number')
    .transform(Number)
    .default(0),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, 'limit must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(SYNC_LIMITS.pullPageMax))
    .optional(),
});

export const changeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('upsert'), entity: z.literal('listing'), row: listingSchema }),
  z.object({ op: z.literal('delete'), entity: z.literal('listing'), id: z.string() }),
]);
export type Change = z.infer<typeof changeSchema>;

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** Pass back as `cursor` on the next pull. */
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** Highest seq the server has processed for this client; 0 if it has none. */
  lastSeq: z.number().int().nonnegative(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const sessionSchema = z.object({
  actorId: z.string(),
  nickname: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;
