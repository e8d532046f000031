// This device's Web Push: turning it on (the browser's permission, a subscription with the
// server's key, and the server told which device and language it is), off, and the person's quiet
// hours. Needs the network: the browser's push service and Dongne's server are both asked.
import { base64UrlToBytes, pushSettingsSchema, type PushLocale, type PushSettings, type QuietHours } from '@dongne/shared';
import { api as browserApi, ApiOffline, ApiRefusal, jsonBody, type ApiClient } from '../api/api-client.js';

/** Why this device cannot have pushes at all (the screen explains each). */
export type PushUnavailable = 'unsupported' | 'denied';

/** What stopped turning pushes on. */
export type PushTurnOnFailure = PushUnavailable | 'dismissed' | 'push_service' | 'offline' | 'refused';

/** Whether this browser can take pushes here, and whether the person has refused them. */
export function pushAvailability(): PushUnavailable | 'ask' | 'granted' {
  if (typeof window === 'undefined' || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return Notification.permission === 'granted' ? 'granted' : 'ask';
}

export async function loadPushSettings(clientId: string, api: ApiClient = browserApi): Promise<PushSettings> {
  return api.json(`/api/push/settings?clientId=${encodeURIComponent(clientId)}`, pushSettingsSchema);
}

export async function saveQuietHours(quietHours: QuietHours, clientId: string, api: ApiClient = browserApi): Promise<PushSettings> {
  return api.json(`/api/push/settings?clientId=${encodeURIComponent(clientId)}`, pushSettingsSchema, jsonBody({ quietHours }, 'PUT'));
}

/**
 * Asks the browser (permission, then its push service) and tells the server. A subscription the
 * browser already holds for another key (the server's keys were replaced) is renewed.
 */
export async function turnPushOn(
  { clientId, locale, publicKey }: { clientId: string; locale: PushLocale; publicKey: string },
  api: ApiClient = browserApi,
): Promise<{ ok: true } | { ok: false; reason: PushTurnOnFailure }> {
  const available = pushAvailability();
  if (available === 'unsupported' || available === 'denied') return { ok: false, reason: available };
  const permission = available === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission === 'denied') return { ok: false, reason: 'denied' };
  if (permission !== 'granted') return { ok: false, reason: 'dismissed' };

  const registration = await navigator.serviceWorker.ready;
  const key = base64UrlToBytes(publicKey);
  let subscription = await registration.pushManager.getSubscription();
  if (subscription && !sameKey(subscription.options.applicationServerKey, key)) {
    await subscription.unsubscribe();
    subscription = null;
  }
  try {
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  } catch {
    // The browser could not reach its vendor's push service (or refused the key).
    return { ok: false, reason: 'push_service' };
  }
  try {
    await api.send('/api/push/subscription', jsonBody({ clientId, subscription: subscription.toJSON(), locale }, 'PUT'));
  } catch (error) {
    if (error instanceof ApiOffline) return { ok: false, reason: 'offline' };
    if (error instanceof ApiRefusal) return { ok: false, reason: 'refused' };
    throw error;
  }
  return { ok: true };
}

/** Stops pushes to this device: the server forgets it, and the browser drops the subscription. */
export async function turnPushOff(clientId: string, api: ApiClient = browserApi): Promise<void> {
  await api.send('/api/push/subscription', jsonBody({ clientId }, 'DELETE'));
  await forgetPushHere();
}

/**
 * Drops the browser's subscription without asking the server (signing out: the server ends the
 * session's pushes itself), so the next person on this browser is never sent the last one's.
 */
export async function forgetPushHere(): Promise<void> {
  await (await heldPushSubscription())?.unsubscribe();
}

/** The push subscription this browser holds for Dongne, if any: read on the device, offline too. */
export async function heldPushSubscription(): Promise<PushSubscription | null> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return (await registration?.pushManager?.getSubscription()) ?? null;
}

function sameKey(held: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!held) return false;
  const bytes = new Uint8Array(held);
  return bytes.length === wanted.length && bytes.every((byte, i) => byte === wanted[i]);
}
