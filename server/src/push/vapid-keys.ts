// The server's VAPID key pair (RFC 8292): push services take a push only when it is signed with the
// private key whose public half the device subscribed with, so the pair is made once and kept —
// in the data directory (vapid.json, readable by this user alone), or given by the operator, which
// several instances on one PostgreSQL database must do so that all of them sign alike.
import { createECDH, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';

export interface VapidKeyPair {
  /** The uncompressed P-256 public key, base64url (what a device subscribes with). */
  publicKey: string;
  /** The private key, base64url. */
  privateKey: string;
}

/** Who runs this server, told to push services with every push (they write there about problems). */
export const DEFAULT_VAPID_SUBJECT = 'mailto:push@dongne.example';

export const VAPID_FILE = 'vapid.json';

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** What is wrong with a pair, in a few words; undefined for a P-256 pair whose halves belong together. */
export function vapidKeyPairProblem({ publicKey, privateKey }: VapidKeyPair): string | undefined {
  if (!BASE64URL.test(publicKey) || Buffer.from(publicKey, 'base64url').length !== 65) return 'the public key is not 65 bytes of base64url';
  if (!BASE64URL.test(privateKey) || Buffer.from(privateKey, 'base64url').length !== 32) return 'the private key is not 32 bytes of base64url';
  try {
    const curve = createECDH('prime256v1');
    curve.setPrivateKey(Buffer.from(privateKey, 'base64url'));
    if (curve.getPublicKey('base64url') !== publicKey) return 'the public key is not the private key’s';
  } catch {
    return 'the private key is not a P-256 key';
  }
  return undefined;
}

/**
 * Writes the pair to `file` unless the file exists, never leaving a half-written one where another
 * process could read it: written whole beside it (0600: the private key is this user's alone), then
 * linked into place, which fails if another got there first. False when one did.
 */
function saveOnce(file: string, keys: VapidKeyPair): boolean {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(draft);
  }
}

/** A line to print before refusing to start. */
export class VapidKeysError extends Error {}

/**
 * The pair kept in `<dataDir>/vapid.json`, made and written there on the first start. A file that
 * is there but unreadable stops the start: a new pair would silently cut off every subscribed device.
 */
export function vapidKeysInDataDir(dataDir: string): { keys: VapidKeyPair; created: boolean } {
  const file = join(dataDir, VAPID_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new VapidKeysError(`Cannot read ${file}: ${(error as Error).message}`);
    const made = webpush.generateVAPIDKeys();
    if (saveOnce(file, { publicKey: made.publicKey, privateKey: made.privateKey })) return { keys: made, created: true };
    // Another server starting on this directory saved its pair first: that one it is.
    text = readFileSync(file, 'utf8');
  }
  let keys: VapidKeyPair | undefined;
  try {
    const parsed = JSON.parse(text) as Partial<VapidKeyPair>;
    if (typeof parsed.publicKey === 'string' && typeof parsed.privateKey === 'string') keys = { publicKey: parsed.publicKey, privateKey: parsed.privateKey };
  } catch {
    // Reported below.
  }
  const problem = keys ? vapidKeyPairProblem(keys) : 'it is not {"publicKey", "privateKey"} JSON';
  if (!keys || problem) {
    throw new VapidKeysError(`${file} holds no usable VAPID keys (${problem}). Restore it from a backup; deleting it makes a new pair, and every device must then subscribe to pushes again.`);
  }
  return { keys, created: false };
}
