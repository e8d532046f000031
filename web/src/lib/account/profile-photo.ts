// Profile photos: cropped square and resized in the browser, so only a small JPEG is uploaded.
import { PROFILE_PHOTO, publicProfileSchema, type PublicProfile } from '@dongne/shared';
import { errorMessage } from './auth-client.js';

async function squareJpeg(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  const side = Math.min(bitmap.width, bitmap.height);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = PROFILE_PHOTO.sidePx;
  canvas.getContext('2d')!.drawImage(bitmap, (bitmap.width - side) / 2, (bitmap.height - side) / 2, side, side, 0, 0, PROFILE_PHOTO.sidePx, PROFILE_PHOTO.sidePx);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('encode'))), 'image/jpeg', 0.85));
}

export async function uploadProfilePhoto(file: File): Promise<{ ok: true; profile: PublicProfile } | { ok: false; message: string }> {
  let body: Blob;
  try {
    body = await squareJpeg(file);
  } catch {
    return { ok: false, message: 'That file is not an image this browser can read.' };
  }
  try {
    const response = await fetch('/api/profiles/me/photo', { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body });
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
