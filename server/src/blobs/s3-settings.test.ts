import { describe, expect, it } from 'vitest';
import { DEFAULT_S3_REGION, s3SettingsFrom } from './s3-settings.js';

const both = { DONGNE_S3_ENDPOINT: 'http://minio.internal:9000', DONGNE_S3_BUCKET: 'dongne-photos' };

describe('S3 settings from the environment', () => {
  it('keeps photos in the database when neither setting is given, or both are blank', () => {
    expect(s3SettingsFrom({})).toEqual({ settings: undefined });
    expect(s3SettingsFrom({ DONGNE_S3_ENDPOINT: '', DONGNE_S3_BUCKET: ' ' })).toEqual({ settings: undefined });
  });

  it('uses S3 when both are given, in the region AWS_REGION names or else the default', () => {
    expect(s3SettingsFrom(both)).toEqual({ settings: { endpoint: 'http://minio.internal:9000', bucket: 'dongne-photos', region: DEFAULT_S3_REGION } });
    expect(DEFAULT_S3_REGION).toBe('us-east-1');
    expect(s3SettingsFrom({ ...both, AWS_REGION: 'ap-northeast-2', AWS_ACCESS_KEY_ID: 'id', AWS_SECRET_ACCESS_KEY: 'secret' })).toEqual({
      settings: { endpoint: 'http://minio.internal:9000', bucket: 'dongne-photos', region: 'ap-northeast-2' },
    });
  });

  it('refuses one setting without the other, naming the one that is set', () => {
    const refusal = (only: string) =>
      `Only ${only} is set: set DONGNE_S3_ENDPOINT and DONGNE_S3_BUCKET together to keep photos in S3-compatible storage, or neither to keep them in the database.`;
    expect(s3SettingsFrom({ DONGNE_S3_BUCKET: 'dongne-photos' })).toEqual({ error: refusal('DONGNE_S3_BUCKET') });
    expect(s3SettingsFrom({ DONGNE_S3_ENDPOINT: 'https://s3.amazonaws.com', DONGNE_S3_BUCKET: '' })).toEqual({ error: refusal('DONGNE_S3_ENDPOINT') });
  });

  it('refuses an endpoint that is not an http(s) address', () => {
    for (const endpoint of ['minio:9000', 's3.amazonaws.com', 'ftp://files.example', 'http://']) {
      const choice = s3SettingsFrom({ ...both, DONGNE_S3_ENDPOINT: endpoint });
      expect(choice, endpoint).toEqual({ error: expect.stringMatching(/^DONGNE_S3_ENDPOINT=".*" is not an http:\/\/ or https:\/\/ address/) });
    }
  });

  it('refuses a bucket name S3 would refuse', () => {
    for (const bucket of ['ab', 'Dongne-Photos', 'photos/2026', '-photos', 'x'.repeat(64)]) {
      expect(s3SettingsFrom({ ...both, DONGNE_S3_BUCKET: bucket }), bucket).toEqual({
        error: `DONGNE_S3_BUCKET="${bucket}" is not a bucket name (3 to 63 lower-case letters, digits, dots and hyphens).`,
      });
    }
    expect(s3SettingsFrom({ ...both, DONGNE_S3_BUCKET: 'abc' })).toMatchObject({ settings: { bucket: 'abc' } });
  });

  it('refuses an access key without its secret, and the other way round', () => {
    for (const keys of [{ AWS_ACCESS_KEY_ID: 'id' }, { AWS_SECRET_ACCESS_KEY: 'secret' }]) {
      expect(s3SettingsFrom({ ...both, ...keys })).toEqual({
        error: "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY together (or neither, to use a profile or the machine's role).",
      });
    }
  });
});
