// The shared schemas the push path runs per request and per mutation, compiled ahead of time.
// zod's compiled parsers are ~10x faster on valid input and fall back to the regular parser for
// invalid input, so error messages are unchanged. Server-only: compilation uses `new Function`,
// which the browser's CSP forbids.
import { z } from 'zod/mini';
import { mutationArgs, pushRequestSchema } from '@dongne/shared';

export const compiledPushRequest = z.compile(pushRequestSchema);

export const compiledMutationArgs = Object.fromEntries(
  Object.entries(mutationArgs).map(([name, schema]) => [name, z.compile(schema)]),
) as unknown as typeof mutationArgs;
