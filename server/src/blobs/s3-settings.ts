// Whether photos go to S3-compatible storage, from the environment: DONGNE_S3_ENDPOINT and
// DONGNE_S3_BUCKET together turn it on, neither leaves photos in the database, and anything half-set
// stops the start with one line saying what to fix (a server that quietly kept photos on one
// instance's database would break every other instance's pages).
import type { S3Settings } from './s3-blob-store.js';

/** The region signed for when AWS_REGION is unset: most S3-compatible servers accept any, and this one is S3's default. */
export const DEFAULT_S3_REGION = 'us-east-1';

// S3's bucket naming rules, which S3-compatible servers share: 3–63 lower-case letters, digits, dots and hyphens.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export type S3Choice = { settings: S3Settings | undefined } | { error: string };

export function s3SettingsFrom(env: Record<string, string | undefined>): S3Choice {
  const endpoint = env.DONGNE_S3_ENDPOINT?.trim() || undefined;
  const bucket = env.DONGNE_S3_BUCKET?.trim() || undefined;
  if (!endpoint && !bucket) return { settings: undefined };
  if (!endpoint || !bucket) {
    const only = endpoint ? 'DONGNE_S3_ENDPOINT' : 'DONGNE_S3_BUCKET';
    return {
      error: `Only ${only} is set: set DONGNE_S3_ENDPOINT and DONGNE_S3_BUCKET together to keep photos in S3-compatible storage, or neither to keep them in the database.`,
    };
  }
  if (!isHttpUrl(endpoint)) {
    return { error: `DONGNE_S3_ENDPOINT="${endpoint}" is not an http:// or https:// address (e.g. https://s3.eu-central-1.amazonaws.com).` };
  }
  if (!BUCKET_NAME.test(bucket)) {
    return { error: `DONGNE_S3_BUCKET="${bucket}" is not a bucket name (3 to 63 lower-case letters, digits, dots and hyphens).` };
  }
  // The SDK reads the keys itself; one without the other would be skipped in silence for whatever
  // else it finds, so say so now.
  if (Boolean(env.AWS_ACCESS_KEY_ID) !== Boolean(env.AWS_SECRET_ACCESS_KEY)) {
    return { error: 'Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY together (or neither, to use a profile or the machine\'s role).' };
  }
  return { settings: { endpoint, bucket, region: env.AWS_REGION?.trim() || DEFAULT_S3_REGION } };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
