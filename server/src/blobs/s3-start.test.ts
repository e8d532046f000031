// The real entry point with S3 settings: it refuses to start on settings it cannot use, and two
// processes on one database and one bucket serve each other's photos. The S3 check runs before the
// store opens; the processes here share a SQLite file (as main.test.ts's do), so this file runs on
// the SQLite project only, and blob-store.test.ts covers both engines in-process.
import { afterEach, describe, expect, it } from 'vitest';
import { mediaPath } from '@dongne/shared';
import { newSession, overHttp, tempDir } from '../testing/harness.js';
import { JPEG_3X2, sha256Hex } from '../testing/images.js';
import { startS3Server, S3RVER_CREDENTIALS, type TestS3Server } from '../testing/s3-server.js';
import { killSpawnedServers, spawnServer } from '../testing/spawned-server.js';
import { TEST_ENGINE } from '../testing/test-store.js';

let temp: ReturnType<typeof tempDir> | undefined;
let s3: TestS3Server | undefined;
afterEach(async () => {
  await killSpawnedServers();
  await s3?.stop();
  temp?.remove();
});

/** The environment main.ts reads for S3, with s3rver's key pair as the standard AWS variables. */
const s3Env = ({ endpoint, bucket }: { endpoint: string; bucket: string }) => ({
  DONGNE_S3_ENDPOINT: endpoint,
  DONGNE_S3_BUCKET: bucket,
  AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
});

/** What the process printed before it exited, when it did not start. */
async function refusal(env: Record<string, string>): Promise<string> {
  temp = tempDir('dongne-s3-start-');
  const failed = await spawnServer(temp.dir, { env }).then(
    () => undefined,
    (error: Error) => error.message,
  );
  expect(failed, 'the server started').toBeDefined();
  return failed!;
}

describe.skipIf(TEST_ENGINE !== 'sqlite')('starting with photos in S3-compatible storage', () => {
  it('refuses to start with a bucket and no endpoint', async () => {
    const output = await refusal({ DONGNE_S3_BUCKET: 'dongne-photos' });
    expect(output).toContain('server exited with 1');
    expect(output).toContain('Only DONGNE_S3_BUCKET is set: set DONGNE_S3_ENDPOINT and DONGNE_S3_BUCKET together');
  });

  it('refuses to start when the bucket is not there, or nothing answers at the endpoint', async () => {
    s3 = await startS3Server();
    const missing = await refusal(s3Env({ endpoint: s3.settings.endpoint, bucket: 'never-made' }));
    expect(missing).toContain(`Cannot use the S3 bucket "never-made" at ${s3.settings.endpoint} for photos: there is no such bucket (create it first)`);

    const { endpoint, bucket } = s3.settings;
    await s3.stop();
    const silent = await refusal(s3Env({ endpoint, bucket }));
    expect(silent).toMatch(new RegExp(`Cannot use the S3 bucket "${bucket}" at ${endpoint} for photos: .*ECONNREFUSED`));
  });

  it('serves a photo uploaded through one process from another on the same database and bucket', async () => {
    s3 = await startS3Server();
    temp = tempDir('dongne-s3-start-');
    const env = s3Env(s3.settings);
    const first = await spawnServer(temp.dir, { env });
    expect(first.output()).toContain(`Photos go to the S3 bucket "dongne-photos" at ${s3.settings.endpoint}.`);
    const second = await spawnServer(temp.dir, { env });

    const { cookie } = await newSession(overHttp(first.url));
    const hash = sha256Hex(JPEG_3X2);
    const put = await fetch(`${first.url}${mediaPath(hash)}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg', cookie }, body: JPEG_3X2 });
    expect(put.status).toBe(200);
    const get = await fetch(`${second.url}${mediaPath(hash)}`);
    expect(get.status).toBe(200);
    expect(Buffer.from(await get.arrayBuffer()).equals(Buffer.from(JPEG_3X2))).toBe(true);
  });
});
