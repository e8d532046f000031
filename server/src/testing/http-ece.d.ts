// The part of http_ece (RFC 8188 encrypted content encoding) the push tests use to decrypt what
// reached their push endpoint, as a device's browser would. Tests only.
declare module 'http_ece' {
  import type { ECDH } from 'node:crypto';
  export function decrypt(buffer: Buffer, params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: Buffer | string }): Buffer;
}
