// The hand-read refusal body agrees with the shared schema on what it accepts and what it answers.
import { apiErrorSchema } from '@dongne/shared';
import { describe, expect, it } from 'vitest';
import { apiErrorOf } from './api-error-body.js';

const bodies: unknown[] = [
  { error: { code: 'listing.not_found', message: 'That listing no longer exists.' } },
  { error: { code: 'validation', message: 'Check the fields', issues: [{ path: 'title', message: 'Too long' }] } },
  { error: { code: 'sync.seq_gap', message: 'Gap', expectedSeq: 7, unprocessed: ['m1', 'm2'] } },
  // Extra fields are dropped, as zod's object drops unknown keys.
  { error: { code: 'x', message: 'y', stack: 'secret', issues: [{ path: 'a', message: 'b', extra: 1 }] }, other: true },
  null,
  'Bad Gateway',
  [],
  {},
  { error: null },
  { error: [] },
  { error: { code: 1, message: 'm' } },
  { error: { code: 'c' } },
  { error: { code: 'c', message: 'm', issues: 'no' } },
  { error: { code: 'c', message: 'm', issues: [{ path: 1, message: 'm' }] } },
  { error: { code: 'c', message: 'm', issues: [null] } },
  { error: { code: 'c', message: 'm', expectedSeq: 1.5 } },
  { error: { code: 'c', message: 'm', expectedSeq: '3' } },
  { error: { code: 'c', message: 'm', unprocessed: [1] } },
];

describe('a refusal body read without zod', () => {
  it.each(bodies.map((body) => [JSON.stringify(body), body]))('%s: as the schema reads it', (_, body) => {
    const schema = apiErrorSchema.safeParse(body);
    expect(apiErrorOf(body)).toEqual(schema.success ? schema.data.error : undefined);
  });
});
