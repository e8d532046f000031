// A software passkey authenticator for server tests: it answers registration and sign-in
// ceremonies with real P-256 signatures, as a phone or laptop would (attestation "none", user
// present and verified), so the server's WebAuthn checks run for real. Tests only.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoBase64URL, isoCBOR } from '@simplewebauthn/server/helpers';

export interface TestPasskey {
  /** base64url credential id. */
  id: string;
  privateKey: KeyObject;
  /** The COSE public key, as the attestation carries it. */
  cosePublicKey: Uint8Array;
  counter: number;
}

const FLAGS_UP_UV_AT = 0x01 | 0x04 | 0x40;
const FLAGS_UP_UV = 0x01 | 0x04;

function sha256(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

function coseKey(publicKey: KeyObject): Uint8Array {
  const jwk = publicKey.export({ format: 'jwk' });
  const map = new Map<number, number | Uint8Array>([
    [1, 2], // kty: EC2
    [3, -7], // alg: ES256
    [-1, 1], // crv: P-256
    [-2, Buffer.from(jwk.x!, 'base64url')],
    [-3, Buffer.from(jwk.y!, 'base64url')],
  ]);
  return isoCBOR.encode(map);
}

export function newPasskey(idBytes: Uint8Array = randomBytes(16)): TestPasskey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { id: isoBase64URL.fromBuffer(new Uint8Array(idBytes)), privateKey, cosePublicKey: coseKey(publicKey), counter: 0 };
}

function clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string): string {
  return JSON.stringify({ type, challenge, origin, crossOrigin: false });
}

function counterBytes(counter: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(counter);
  return bytes;
}

/**
 * The browser's answer to registration options: `overrides` change what the authenticator puts in
 * (another public key, transports, an rpId) to play an attacker.
 */
export function registrationResponse(
  passkey: TestPasskey,
  options: { challenge: string; rp: { id?: string } },
  origin: string,
  overrides: { rpId?: string; cosePublicKey?: Uint8Array; transports?: unknown } = {},
) {
  const rpId = overrides.rpId ?? options.rp.id ?? new URL(origin).hostname;
  const credentialId = Buffer.from(passkey.id, 'base64url');
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(credentialId.length);
  const authData = Buffer.concat([
    sha256(rpId),
    Buffer.from([FLAGS_UP_UV_AT]),
    counterBytes(0),
    Buffer.alloc(16), // AAGUID: none
    idLength,
    credentialId,
    Buffer.from(overrides.cosePublicKey ?? passkey.cosePublicKey),
  ]);
  const attestationObject = isoCBOR.encode(new Map<string, unknown>([['fmt', 'none'], ['attStmt', new Map()], ['authData', new Uint8Array(authData)]]) as never);
  return {
    id: passkey.id,
    rawId: passkey.id,
    type: 'public-key' as const,
    response: {
      clientDataJSON: isoBase64URL.fromUTF8String(clientData('webauthn.create', options.challenge, origin)),
      attestationObject: isoBase64URL.fromBuffer(attestationObject),
      transports: overrides.transports ?? ['internal'],
    },
    clientExtensionResults: {},
  };
}

/** The browser's answer to sign-in options, signed with the passkey's private key. */
export function authenticationResponse(passkey: TestPasskey, options: { challenge: string; rpId?: string }, origin: string, userHandle?: string) {
  const rpId = options.rpId ?? new URL(origin).hostname;
  passkey.counter += 1;
  const authData = Buffer.concat([sha256(rpId), Buffer.from([FLAGS_UP_UV]), counterBytes(passkey.counter)]);
  const clientDataJSON = clientData('webauthn.get', options.challenge, origin);
  const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), passkey.privateKey);
  return {
    id: passkey.id,
    rawId: passkey.id,
    type: 'public-key' as const,
    response: {
      clientDataJSON: isoBase64URL.fromUTF8String(clientDataJSON),
      authenticatorData: isoBase64URL.fromBuffer(new Uint8Array(authData)),
      signature: isoBase64URL.fromBuffer(new Uint8Array(signature)),
      ...(userHandle ? { userHandle } : {}),
    },
    clientExtensionResults: {},
  };
}
