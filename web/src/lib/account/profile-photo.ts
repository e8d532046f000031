// Profile photos: cropped square and resized in the browser (as listing thumbnails are), so only a
// small image is uploaded.
import { PROFILE_PHOTO, publicProfileSchema, type PublicProfile } from '@dongne/shared';
import { squarePhoto } from '../photos/prepare-photo.js';
import { errorMessage } from './auth-client.js';

export async function uploadProfilePhoto(file: File): Promise<{ ok: true; profile: PublicProfile } | { ok: false; message: string }> {
  let body: Blob;
  try {
    body = (await squarePhoto(file, PROFILE_PHOTO.sidePx)).blob;
  } catch {
    return { ok: false, message: 'That file is not an image this browser can read.' };
  }
  try {
    const response = await fetch('/api/profiles/me/photo', { method: 'PUT', headers: { 'content-type': body.type }, body });
    if (!response.ok) {
      const error = await errorMessage(response);
      return { ok: false, message: error.ok ? '' : error.message };
    }
    return { ok: true, profile: publicProfileSchema.parse(await response.json()) };
  } catch {
    return { ok: false, message: "You're offline. Change your photo when you're back online." };
  }
}

export async function fetchProfile(actorId: string): Promise<PublicProfile | undefined> {
  try {
    const response = await fetch(`/api/profiles/${encodeURIComponent(actorId)}`);
    return response.ok ? publicProfileSchema.parse(await response.json()) : undefined;
  } catch {
    return undefined;
  }
}
