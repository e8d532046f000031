// Profiles: a neighbour's public profile from the server, and this person's photo, cropped square
// and resized in the browser (as listing thumbnails are), so only a small image is uploaded.
import { PROFILE_PHOTO, publicProfileSchema, type PublicProfile } from '@dongne/shared';
import { api, ApiRefusal } from '../api/api-client.js';
import type { DongneDb } from '../db/db.js';
import { squarePhoto } from '../photos/prepare-photo.js';
import { m } from '../paraglide/messages.js';
import { refusedResult } from './auth-client.js';

export async function uploadProfilePhoto(file: File): Promise<{ ok: true; profile: PublicProfile } | { ok: false; message: string }> {
  let body: Blob;
  try {
    body = (await squarePhoto(file, PROFILE_PHOTO.sidePx)).blob;
  } catch {
    return { ok: false, message: m.account_photo_not_image() };
  }
  try {
    return { ok: true, profile: await api.json('/api/profiles/me/photo', publicProfileSchema, { method: 'PUT', headers: { 'content-type': body.type }, body }) };
  } catch (error) {
    if (error instanceof ApiRefusal) {
      const refused = refusedResult(error);
      return { ok: false, message: refused.ok ? '' : refused.message };
    }
    return { ok: false, message: m.account_photo_offline() };
  }
}

/**
 * The person's public profile, or undefined offline (or if the server cannot say). Given the
 * replica, it also remembers their nickname and manner temperature there, so the listing page and
 * the chat show the last one known when there is no connection.
 */
export async function fetchProfile(actorId: string, db?: DongneDb): Promise<PublicProfile | undefined> {
  let profile: PublicProfile;
  try {
    profile = await api.json(`/api/profiles/${encodeURIComponent(actorId)}`, publicProfileSchema);
  } catch {
    return undefined;
  }
  // Remembering is a convenience for later: a failure to store it must not cost this answer.
  await db?.people
    .put({
      id: profile.actorId,
      nickname: profile.nickname,
      mannerTemperature: profile.mannerTemperature,
      verificationCount: profile.verificationCount,
      photoUrl: profile.photoUrl,
      updatedAt: Date.now(),
    })
    .catch(() => {});
  return profile;
}
