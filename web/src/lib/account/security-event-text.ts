// A security message in words, and the device it names, for the security screen, the inbox and a
// push (which the service worker words in the device's language, so the language can be given).
import type { SecurityEventKind } from '@dongne/shared';
import { m } from '../paraglide/messages.js';

/**
 * A device as the server names it ("Safari on macOS", from its User-Agent) in the reader's
 * language: Korean puts the system first ("macOS Safari"). A name of another shape is kept as it is.
 */
export function deviceLabel(device: string, locale?: 'en' | 'ko'): string {
  const parts = /^(.+) on (.+)$/.exec(device);
  return parts ? m.security_device_on({ browser: parts[1], system: parts[2] }, locale ? { locale } : {}) : device;
}

export function securityEventText(event: SecurityEventKind | string, device: string, locale?: 'en' | 'ko'): string {
  const options = locale ? { locale } : {};
  const on = device ? m.security_event_device({ device: deviceLabel(device, locale) }, options) : '';
  switch (event) {
    case 'passkey_added':
      return m.security_event_passkey_added({ device: on }, options);
    case 'passkey_removed':
      return m.security_event_passkey_removed({}, options);
    case 'password_changed':
      return m.security_event_password_changed({}, options);
    case 'password_removed':
      return m.security_event_password_removed({}, options);
    case 'new_device_sign_in':
      return m.security_event_new_device_sign_in({ device: on }, options);
    case 'recovery_codes_created':
      return m.security_event_recovery_codes_created({}, options);
    case 'recovery_used':
      return m.security_event_recovery_used({}, options);
    default:
      // A kind a newer server knows and this version does not: its name rather than nothing.
      return event;
  }
}
