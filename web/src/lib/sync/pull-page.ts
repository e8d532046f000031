// A pull page as this version of the app reads it. Changes about kinds of things it does not know
// yet (a newer server's, while this device waits to update) are left out instead of failing the
// whole page, so the device keeps syncing everything it does know. The version that learns a new
// kind must pull from the start once (its database upgrade forgets the cursor), since this one
// moved past them. Every change of a known kind is still checked in full.
import { isKnownChange, pullResponseSchema, type PullResponse } from '@dongne/shared';
import type { Schema } from '../api/api-client.js';

export const pullPageSchema: Schema<PullResponse> = {
  parse(value: unknown): PullResponse {
    if (value && typeof value === 'object' && Array.isArray((value as { changes?: unknown }).changes)) {
      const page = value as { changes: unknown[] };
      value = { ...page, changes: page.changes.filter(isKnownChange) };
    }
    return pullResponseSchema.parse(value);
  },
};
