// The server's settings from its environment, checked all at once before anything starts: a value
// the server cannot use stops the start with one line naming the variable and what to fix, rather
// than surfacing later as a failing request.
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { s3SettingsFrom } from './blobs/s3-settings.js';
import type { S3Settings } from './blobs/s3-blob-store.js';
import { DEFAULT_DAILY_CAPS, type DailyCaps } from './services/mutation-context.js';
import { DEFAULT_PASSWORD_COST, isPasswordCost } from './services/password.js';
import { DEFAULT_VAPID_SUBJECT, vapidKeyPairProblem, type VapidKeyPair } from './push/vapid-keys.js';

export interface Settings {
  port: number;
  host: string;
  /** Where the SQLite file lives (unused on PostgreSQL). */
  dataDir: string;
  webDir: string;
  /** PostgreSQL instead of the SQLite file, when set. */
  databaseUrl?: string;
  /** Photo bytes in S3-compatible storage, when set. */
  s3?: S3Settings;
  defaultNeighbourhoodId?: string;
  publicOrigin?: string;
  passwordCost: number;
  dailyCaps: DailyCaps;
  trustedProxies: string[];
  /** The VAPID pair pushes are signed with, when the operator gives it; else kept in the data directory. */
  vapidKeys?: VapidKeyPair;
  /** How push services reach whoever runs this server (mailto: or https:). */
  vapidSubject: string;
}

type Env = Record<string, string | undefined>;

class SettingError extends Error {}

/** A whole number of at least 1, or the default. */
function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (!raw) return fallback;
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new SettingError(`${name}="${raw}" is not a whole number from 1 to 999999999 (the default is ${fallback}).`);
  return Number(raw);
}

function passwordCost(env: Env): number {
  const cost = Number(env.DONGNE_PASSWORD_COST || DEFAULT_PASSWORD_COST);
  if (!isPasswordCost(cost)) {
    throw new SettingError(`DONGNE_PASSWORD_COST="${env.DONGNE_PASSWORD_COST}" is not a power of two from 2 to ${2 ** 20} (scrypt's N; the default is ${DEFAULT_PASSWORD_COST}).`);
  }
  return cost;
}

function trustedProxies(env: Env): string[] {
  const addresses = (env.DONGNE_TRUSTED_PROXIES ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  const wrong = addresses.find((a) => !isIP(a));
  if (wrong !== undefined) throw new SettingError(`DONGNE_TRUSTED_PROXIES: "${wrong}" is not an IP address (give the proxies' addresses, comma-separated).`);
  return addresses;
}

/** The address's scheme (`postgres:`), or '' when it is no URL at all: refused with the same line as a wrong scheme. */
function schemeOf(address: string): string {
  try {
    return new URL(address).protocol;
  } catch {
    return '';
  }
}

function databaseUrl(env: Env): string | undefined {
  const url = env.DONGNE_DATABASE_URL?.trim();
  if (!url) return undefined;
  const protocol = schemeOf(url);
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new SettingError('DONGNE_DATABASE_URL is not a postgres:// address (e.g. postgres://dongne:secret@db.internal:5432/dongne).');
  }
  return url;
}

function publicOrigin(env: Env): string | undefined {
  const origin = env.DONGNE_PUBLIC_ORIGIN?.trim();
  if (!origin) return undefined;
  try {
    const url = new URL(origin);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin;
  } catch {
    // Reported below.
  }
  throw new SettingError(`DONGNE_PUBLIC_ORIGIN="${origin}" is not an http:// or https:// address (e.g. https://dongne.example).`);
}

function vapidKeys(env: Env): VapidKeyPair | undefined {
  const publicKey = env.DONGNE_VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.DONGNE_VAPID_PRIVATE_KEY?.trim();
  if (!publicKey && !privateKey) return undefined;
  if (!publicKey || !privateKey) {
    throw new SettingError(
      'DONGNE_VAPID_PUBLIC_KEY and DONGNE_VAPID_PRIVATE_KEY go together: set both (npx web-push generate-vapid-keys makes a pair) or neither (the pair is then kept in the data directory).',
    );
  }
  const problem = vapidKeyPairProblem({ publicKey, privateKey });
  if (problem) throw new SettingError(`DONGNE_VAPID_PUBLIC_KEY / DONGNE_VAPID_PRIVATE_KEY are not a VAPID key pair: ${problem} (npx web-push generate-vapid-keys makes one).`);
  return { publicKey, privateKey };
}

function vapidSubject(env: Env): string {
  const subject = env.DONGNE_VAPID_SUBJECT?.trim();
  if (!subject) return DEFAULT_VAPID_SUBJECT;
  const protocol = schemeOf(subject);
  if (protocol !== 'mailto:' && protocol !== 'https:') {
    throw new SettingError(`DONGNE_VAPID_SUBJECT="${subject}" is not a mailto: or https:// address (e.g. mailto:admin@dongne.example), as push services require.`);
  }
  return subject;
}

function s3(env: Env): S3Settings | undefined {
  const choice = s3SettingsFrom(env);
  if ('error' in choice) throw new SettingError(choice.error);
  return choice.settings;
}

/** The settings, or the one line to print before refusing to start. `root` is the repository's. */
export function settingsFrom(env: Env, root: string): { settings: Settings } | { error: string } {
  try {
    return {
      settings: {
        port: Number(env.PORT ?? 8080),
        host: env.HOST ?? '0.0.0.0',
        dataDir: resolve(env.DONGNE_DATA_DIR ?? './data'),
        webDir: resolve(env.DONGNE_WEB_DIR ?? join(root, 'web/build')),
        databaseUrl: databaseUrl(env),
        s3: s3(env),
        defaultNeighbourhoodId: env.DONGNE_DEFAULT_NEIGHBOURHOOD || undefined,
        publicOrigin: publicOrigin(env),
        passwordCost: passwordCost(env),
        dailyCaps: {
          listings: positiveInt(env, 'DONGNE_LISTINGS_PER_DAY', DEFAULT_DAILY_CAPS.listings),
          drafts: positiveInt(env, 'DONGNE_NEW_DRAFTS_PER_DAY', DEFAULT_DAILY_CAPS.drafts),
          messages: positiveInt(env, 'DONGNE_MESSAGES_PER_DAY', DEFAULT_DAILY_CAPS.messages),
          conversations: positiveInt(env, 'DONGNE_CONVERSATIONS_PER_DAY', DEFAULT_DAILY_CAPS.conversations),
          reports: positiveInt(env, 'DONGNE_REPORTS_PER_DAY', DEFAULT_DAILY_CAPS.reports),
          blocks: positiveInt(env, 'DONGNE_BLOCKS_PER_DAY', DEFAULT_DAILY_CAPS.blocks),
          posts: positiveInt(env, 'DONGNE_POSTS_PER_DAY', DEFAULT_DAILY_CAPS.posts),
          comments: positiveInt(env, 'DONGNE_COMMENTS_PER_DAY', DEFAULT_DAILY_CAPS.comments),
        },
        trustedProxies: trustedProxies(env),
        vapidKeys: vapidKeys(env),
        vapidSubject: vapidSubject(env),
      },
    };
  } catch (error) {
    if (error instanceof SettingError) return { error: error.message };
    throw error;
  }
}
