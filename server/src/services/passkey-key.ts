// What a passkey's stored fields may be: a credential id and public key of sane size, a public key
// that really is a key (parsed by node:crypto), and transports from the WebAuthn list. An
// authenticator may say anything; the database keeps only what could be a real passkey.
import { createPublicKey } from 'node:crypto';
import { ServiceError } from './service-error.js';

/** WebAuthn caps credential ids at 1023 bytes. */
const MAX_CREDENTIAL_ID_BYTES = 1023;
/** An RSA-4096 key, the largest in use, is ~550 bytes as COSE. */
const MAX_PUBLIC_KEY_BYTES = 1024;
const TRANSPORTS = new Set(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);

const invalid = (detail: string) => new ServiceError(400, 'passkey.invalid_key', `This passkey cannot be used with Dongne (${detail}). Try another device.`);

function b64u(bytes: unknown): string | undefined {
  return bytes instanceof Uint8Array ? Buffer.from(bytes).toString('base64url') : undefined;
}

/** The COSE key as a JWK node:crypto can import; undefined for a key type WebAuthn does not use. */
function coseToJwk(cose: Map<number, unknown>): Record<string, string> | undefined {
  const kty = cose.get(1);
  if (kty === 2) {
    const crv = ({ 1: 'P-256', 2: 'P-384', 3: 'P-521' } as Record<number, string>)[cose.get(-1) as number];
    const x = b64u(cose.get(-2));
    const y = b64u(cose.get(-3));
    return crv && x && y ? { kty: 'EC', crv, x, y } : undefined;
  }
  if (kty === 1) {
    const x = b64u(cose.get(-2));
    return cose.get(-1) === 6 && x ? { kty: 'OKP', crv: 'Ed25519', x } : undefined;
  }
  if (kty === 3) {
    const n = b64u(cose.get(-1));
    const e = b64u(cose.get(-2));
    return n && e ? { kty: 'RSA', n, e } : undefined;
  }
  return undefined;
}

/** Checks the new credential; returns the transports worth keeping. */
export async function checkCredential(credential: { id: string; publicKey: Uint8Array; transports?: string[] }): Promise<string[]> {
  if (Buffer.from(credential.id, 'base64url').length > MAX_CREDENTIAL_ID_BYTES) throw invalid('its id is too long');
  if (credential.publicKey.length > MAX_PUBLIC_KEY_BYTES) throw invalid('its key is too large');
  const { decodeCredentialPublicKey } = await import('@simplewebauthn/server/helpers');
  let jwk: Record<string, string> | undefined;
  try {
    jwk = coseToJwk(decodeCredentialPublicKey(credential.publicKey as Uint8Array<ArrayBuffer>) as unknown as Map<number, unknown>);
    if (jwk) createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    jwk = undefined;
  }
  if (!jwk) throw invalid('its key is not a valid public key');
  return [...new Set((credential.transports ?? []).filter((t) => TRANSPORTS.has(t)))];
}
