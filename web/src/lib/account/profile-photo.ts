// Profiles: a neighbour's public profile from the server, and this person's photo, cropped square
// and resized in the browser (as listing thumbnails are), so only a small image is uploaded.
import { PROFILE_PHOTO, publicProfileSchema, type PublicProfile } from '@dongne/shared';
import { api, ApiRefusal, type ApiClient } from '../api/api-client.js';
import type { DongneDb } from '../db/db.js';
import { squarePhoto } from '../photos/prepare-photo.js';
import { m } from '../paraglide/messages.js';
import { refusedResult } from './auth-client.js';

/**
 * Crops, resizes and uploads this person's new profile photo. Given the replica, it remembers the
 * profile the server answered with, so the listing page and the chat show the new photo offline.
 */
export async function uploadProfilePhoto(file: File, db?: DongneDb): Promise<PhotoUploadResult> {
  let body: Blob;
  try {
    body = (await squarePhoto(file, PROFILE_PHOTO.sidePx)).blob;
  } catch {
    return { ok: false, message: m.account_photo_not_image() };
  }
  return sendProfilePhoto(body, db);
}

export type PhotoUploadResult = { ok: true; profile: PublicProfile } | { ok: false; message: string };

/** Uploads a photo already cropped and resized (uploadProfilePhoto's second half). */
export async function sendProfilePhoto(body: Blob, db?: DongneDb, client: ApiClient = api): Promise<PhotoUploadResult> {
  let profile: PublicProfile;
  try {
    profile = await client.json('/api/profiles/me/photo', publicProfileSchema, { method: 'PUT', headers: { 'content-type': body.type }, body });
  } catch (error) {
    if (error instanceof ApiRefusal) {
      const refused = refusedResult(error);
      return { ok: false, message: refused.ok ? '' : refused.message };
    }
    return { ok: false, message: m.account_photo_offline() };
  }
  // Stamped when the answer arrived: any profile asked for before then may predate the new photo.
  if (db) await rememberProfile(db, profile, Date.now());
  return { ok: true, profile };
}

/**
 * The person's public profile, or undefined offline (or if the server cannot say). Given the
 * replica, it also remembers their nickname and manner temperature there, so the listing page and
 * the chat show the last one known when there is no connection.
 */
export async function fetchProfile(actorId: string, db?: DongneDb, client: ApiClient = api): Promise<PublicProfile | undefined> {
  const askedAt = Date.now();
  let profile: PublicProfile;
  try {
    profile = await client.json(`/api/profiles/${encodeURIComponent(actorId)}`, publicProfileSchema);
  } catch {
    return undefined;
  }
  if (db) await rememberProfile(db, profile, askedAt);
  return profile;
}

/**
 * Keeps a profile answer in the replica unless what is there is newer. Answers can land out of
 * order: a profile asked for just before a photo upload may be answered after it, with the old
 * photo. `knownAt` is when the answer was asked for (or, for an upload, when it arrived).
 * Remembering is a convenience for later: a failure to store it must not cost the answer.
 */
export async function rememberProfile(db: DongneDb, profile: PublicProfile, knownAt: number): Promise<void> {
  await db
    .transaction('rw', db.people, async () => {
      const known = await db.people.get(profile.actorId);
      if (known && known.updatedAt > knownAt) return;
      await db.people.put({
        id: profile.actorId,
        nickname: profile.nickname,
        mannerTemperature: profile.mannerTemperature,
        verificationCount: profile.verificationCount,
        photoUrl: profile.photoUrl,
        updatedAt: knownAt,
      });
    })
    .catch(() => {});
}
