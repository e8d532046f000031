// Public profiles, and the signed-in person's photo. Photos are checked by their bytes exactly like
// listing photos (the image header read for type and pixel size, never the name or Content-Type)
// and must be small: the browser resizes them to PROFILE_PHOTO.sidePx before upload.
import { isGoodManner, PROFILE_PHOTO, type PublicProfile } from '@dongne/shared';
import type { Store } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { readImageInfo } from './image-bytes.js';
import { MANNER_WINDOW_MS, mannerTemperature } from './manner-temperature.js';
import { ServiceError } from './service-error.js';
import type { Actor } from './session-service.js';

/** How many of the good manners received, and of the praise texts, a profile shows. */
const TOP_MANNERS = 5;
const PRAISE_SHOWN = 10;

export function createProfileService(store: Store, clock: Clock) {
  return {
    async publicProfile(actorId: string): Promise<PublicProfile> {
      const row = await store.profiles.profile(actorId);
      if (!row) throw new ServiceError(404, 'profile.not_found', 'There is no such neighbour.');
      const { count, lastVerifiedAt } = await store.verifications.summary(actorId);
      const now = clock.now();
      // Computed now, not read from the name-side copy: recent reviews weigh more, so it moves with time.
      const temperature = mannerTemperature(await store.reviews.receivedSince(actorId, now - MANNER_WINDOW_MS), now);
      return {
        actorId: row.id,
        nickname: row.nickname,
        joinedAt: row.joinedAt,
        verificationCount: count,
        lastVerifiedAt,
        listingCount: row.listingCount,
        photoUrl: row.photoUpdatedAt ? `/api/profiles/${encodeURIComponent(row.id)}/photo?v=${row.photoUpdatedAt}` : null,
        mannerTemperature: temperature,
        tradeCount: await store.trades.countFor(actorId),
        // A manner since taken off the list is not shown.
        topManners: (await store.reviews.goodMannerCounts(actorId))
          .flatMap(({ code, count }) => (isGoodManner(code) ? [{ code, count }] : []))
          .slice(0, TOP_MANNERS),
        praise: await store.reviews.praise(actorId, PRAISE_SHOWN),
      };
    },

    async setPhoto(actor: Actor, bytes: Uint8Array): Promise<PublicProfile> {
      if (bytes.length > PROFILE_PHOTO.maxBytes) {
        throw new ServiceError(413, 'photo.too_large', `A profile photo can be at most ${PROFILE_PHOTO.maxBytes / 1024} KB.`);
      }
      const image = readImageInfo(bytes);
      if (!image) throw new ServiceError(400, 'photo.not_image', 'That file is not a JPEG, PNG or WebP image.');
      const { maxDimension } = PROFILE_PHOTO;
      if (image.width > maxDimension || image.height > maxDimension) {
        throw new ServiceError(
          422,
          'photo.too_big_dimensions',
          `A profile photo can be at most ${maxDimension} × ${maxDimension} pixels; this one is ${image.width} × ${image.height}.`,
        );
      }
      await store.profiles.setPhoto(actor.id, bytes, image.type, clock.now());
      return this.publicProfile(actor.id);
    },

    async removePhoto(actor: Actor): Promise<PublicProfile> {
      await store.profiles.setPhoto(actor.id, null, null, null);
      return this.publicProfile(actor.id);
    },

    async photo(actorId: string) {
      const row = await store.profiles.photo(actorId);
      if (!row) throw new ServiceError(404, 'photo.not_found', 'This neighbour has no photo.');
      return row;
    },
  };
}
export type ProfileService = ReturnType<typeof createProfileService>;
