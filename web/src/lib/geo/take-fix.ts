// Takes one GPS fix for an action that needs proof of place. Each way it can fail gets its own
// sentence, because each asks the person to do something different.
import type { Fix } from '@dongne/shared';

export type FixResult =
  | { ok: true; fix: Fix }
  | { ok: false; reason: 'denied' | 'unavailable' | 'timeout' | 'unsupported'; message: string };

const TIMEOUT_MS = 15_000;

export function takeFix(): Promise<FixResult> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) {
    return Promise.resolve({ ok: false, reason: 'unsupported', message: 'This browser cannot share your location, so Dongne cannot check your neighbourhood.' });
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
          resolve({ ok: false, reason: 'denied', message: 'Location access is turned off for Dongne. Allow location in your browser settings to verify your neighbourhood; you can keep browsing without it.' });
        } else if (error.code === error.TIMEOUT) {
          resolve({ ok: false, reason: 'timeout', message: 'Finding your location took too long. Step outside or near a window and try again.' });
        } else {
          resolve({ ok: false, reason: 'unavailable', message: 'Your phone could not find its location (no GPS signal). Turn on location services and try again.' });
        }
      },
      { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: 0 },
    );
  });
}
