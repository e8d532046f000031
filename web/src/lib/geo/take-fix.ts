// Takes one GPS fix for an action that needs proof of place. Each way it can fail gets its own
// sentence, in the person's language, because each asks them to do something different.
import type { Fix } from '@dongne/shared';
import { m } from '../paraglide/messages.js';

export type FixResult =
  | { ok: true; fix: Fix }
  | { ok: false; reason: 'denied' | 'unavailable' | 'timeout' | 'unsupported'; message: string };

const TIMEOUT_MS = 15_000;

export function takeFix(): Promise<FixResult> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) {
    return Promise.resolve({ ok: false, reason: 'unsupported', message: m.onboarding_fix_unsupported() });
  }
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          ok: true,
          fix: {
            lat: position.coords.latitude,
            lng: position.coords.longitude,
            accuracy: position.coords.accuracy,
            // The earlier of the two: a cached reading must not look fresher than it is.
            takenAt: Math.round(Math.min(position.timestamp, Date.now())),
          },
        }),
      (error) => {
        if (error.code === error.PERMISSION_DENIED) {
          resolve({ ok: false, reason: 'denied', message: m.onboarding_fix_denied() });
        } else if (error.code === error.TIMEOUT) {
          resolve({ ok: false, reason: 'timeout', message: m.onboarding_fix_timeout() });
        } else {
          resolve({ ok: false, reason: 'unavailable', message: m.onboarding_fix_unavailable() });
        }
      },
      { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: 0 },
    );
  });
}
