// What can happen to an account's security, each told to its owner in the inbox and by push. A file
// of its own: the inbox's and the push's schemas need the names, and the sync worker checks pulled
// notifications with them, without the account schemas (nickname rules, Unicode script tables).
export const SECURITY_EVENT_KINDS = [
  'passkey_added',
  'passkey_removed',
  'password_changed',
  'password_removed',
  'new_device_sign_in',
  'recovery_codes_created',
  'recovery_used',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];
