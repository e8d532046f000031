import { describe, expect, it } from 'vitest';
import { DEFAULT_DAILY_CAPS } from './services/mutation-context.js';
import { DEFAULT_PASSWORD_COST } from './services/password.js';
import { settingsFrom } from './settings.js';
import webpush from 'web-push';
import { DEFAULT_VAPID_SUBJECT } from './push/vapid-keys.js';

const ROOT = '/srv/dongne';
const refusal = (env: Record<string, string>) => {
  const parsed = settingsFrom(env, ROOT);
  if (!('error' in parsed)) throw new Error(`expected a refusal for ${JSON.stringify(env)}`);
  return parsed.error;
};
const settings = (env: Record<string, string>) => {
  const parsed = settingsFrom(env, ROOT);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.settings;
};

describe('settings from the environment', () => {
  it('runs on the SQLite file with the defaults when nothing is set', () => {
    expect(settings({})).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      webDir: '/srv/dongne/web/build',
      databaseUrl: undefined,
      s3: undefined,
      passwordCost: DEFAULT_PASSWORD_COST,
      dailyCaps: DEFAULT_DAILY_CAPS,
      trustedProxies: [],
    });
  });

  it('takes what an operator of several instances sets', () => {
    expect(
      settings({
        DONGNE_DATABASE_URL: 'postgres://dongne:secret@db.internal:5432/dongne',
        DONGNE_TRUSTED_PROXIES: '127.0.0.1, ::1',
        DONGNE_PUBLIC_ORIGIN: 'https://dongne.example/',
        DONGNE_LISTINGS_PER_DAY: '80',
      }),
    ).toMatchObject({
      databaseUrl: 'postgres://dongne:secret@db.internal:5432/dongne',
      trustedProxies: ['127.0.0.1', '::1'],
      publicOrigin: 'https://dongne.example',
      dailyCaps: { ...DEFAULT_DAILY_CAPS, listings: 80 },
    });
  });

  it('takes the daily caps an operator raises for trading', () => {
    expect(
      settings({
        DONGNE_MESSAGES_PER_DAY: '5000',
        DONGNE_CONVERSATIONS_PER_DAY: '200',
        DONGNE_REPORTS_PER_DAY: '40',
        DONGNE_BLOCKS_PER_DAY: '300',
      }).dailyCaps,
    ).toEqual({ ...DEFAULT_DAILY_CAPS, messages: 5000, conversations: 200, reports: 40, blocks: 300 });
  });

  it('refuses each value it cannot use, naming the variable', () => {
    expect(refusal({ DONGNE_TRUSTED_PROXIES: '127.0.0.1,nginx' })).toBe(
      `DONGNE_TRUSTED_PROXIES: "nginx" is not an IP address (give the proxies' addresses, comma-separated).`,
    );
    expect(refusal({ DONGNE_DATABASE_URL: 'mysql://db/dongne' })).toMatch(/^DONGNE_DATABASE_URL is not a postgres:\/\/ address/);
    expect(refusal({ DONGNE_DATABASE_URL: 'not a url' })).toMatch(/^DONGNE_DATABASE_URL is not a postgres:\/\/ address/);
    expect(refusal({ DONGNE_PUBLIC_ORIGIN: 'dongne.example' })).toMatch(/^DONGNE_PUBLIC_ORIGIN="dongne.example" is not an http/);
    expect(refusal({ DONGNE_LISTINGS_PER_DAY: '0' })).toMatch(/^DONGNE_LISTINGS_PER_DAY="0" is not a whole number/);
    expect(refusal({ DONGNE_NEW_DRAFTS_PER_DAY: '1e3' })).toMatch(/^DONGNE_NEW_DRAFTS_PER_DAY="1e3" is not a whole number/);
    expect(refusal({ DONGNE_MESSAGES_PER_DAY: '-1' })).toMatch(/^DONGNE_MESSAGES_PER_DAY="-1" is not a whole number/);
    expect(refusal({ DONGNE_CONVERSATIONS_PER_DAY: '50.5' })).toMatch(/^DONGNE_CONVERSATIONS_PER_DAY="50.5" is not a whole number/);
    expect(refusal({ DONGNE_REPORTS_PER_DAY: 'twenty' })).toMatch(/^DONGNE_REPORTS_PER_DAY="twenty" is not a whole number/);
    expect(refusal({ DONGNE_BLOCKS_PER_DAY: '1000000000' })).toBe(
      `DONGNE_BLOCKS_PER_DAY="1000000000" is not a whole number from 1 to 999999999 (the default is ${DEFAULT_DAILY_CAPS.blocks}).`,
    );
    expect(refusal({ DONGNE_PASSWORD_COST: '10000' })).toMatch(/^DONGNE_PASSWORD_COST="10000" is not a power of two/);
    expect(refusal({ DONGNE_S3_BUCKET: 'photos' })).toMatch(/^Only DONGNE_S3_BUCKET is set/);
  });

  it('takes the VAPID pair and subject an operator of several instances gives, or leaves the pair to the data directory', () => {
    expect(settings({})).toMatchObject({ vapidKeys: undefined, vapidSubject: DEFAULT_VAPID_SUBJECT });
    const pair = webpush.generateVAPIDKeys();
    expect(
      settings({ DONGNE_VAPID_PUBLIC_KEY: pair.publicKey, DONGNE_VAPID_PRIVATE_KEY: ` ${pair.privateKey}\n`, DONGNE_VAPID_SUBJECT: 'https://dongne.example/contact' }),
    ).toMatchObject({ vapidKeys: pair, vapidSubject: 'https://dongne.example/contact' });
  });

  it('refuses half a VAPID pair, two halves that are not one pair, and a subject push services refuse', () => {
    const [one, other] = [webpush.generateVAPIDKeys(), webpush.generateVAPIDKeys()];
    expect(refusal({ DONGNE_VAPID_PUBLIC_KEY: one.publicKey })).toMatch(/^DONGNE_VAPID_PUBLIC_KEY and DONGNE_VAPID_PRIVATE_KEY go together/);
    expect(refusal({ DONGNE_VAPID_PRIVATE_KEY: one.privateKey })).toMatch(/^DONGNE_VAPID_PUBLIC_KEY and DONGNE_VAPID_PRIVATE_KEY go together/);
    expect(refusal({ DONGNE_VAPID_PUBLIC_KEY: one.publicKey, DONGNE_VAPID_PRIVATE_KEY: other.privateKey })).toMatch(
      /^DONGNE_VAPID_PUBLIC_KEY \/ DONGNE_VAPID_PRIVATE_KEY are not a VAPID key pair: the public key is not the private key’s/,
    );
    expect(refusal({ DONGNE_VAPID_PUBLIC_KEY: 'BAAA', DONGNE_VAPID_PRIVATE_KEY: one.privateKey })).toMatch(/the public key is not 65 bytes of base64url/);
    expect(refusal({ DONGNE_VAPID_PUBLIC_KEY: one.publicKey, DONGNE_VAPID_PRIVATE_KEY: `${one.privateKey}=` })).toMatch(/the private key is not 32 bytes/);
    expect(refusal({ DONGNE_VAPID_SUBJECT: 'admin@dongne.example' })).toMatch(/^DONGNE_VAPID_SUBJECT="admin@dongne.example" is not a mailto: or https:\/\/ address/);
    expect(refusal({ DONGNE_VAPID_SUBJECT: 'http://dongne.example' })).toMatch(/^DONGNE_VAPID_SUBJECT=/);
  });

  it('does not print the database password when it refuses the address', () => {
    expect(refusal({ DONGNE_DATABASE_URL: 'mysql://dongne:hunter2@db/dongne' })).not.toContain('hunter2');
  });
});
