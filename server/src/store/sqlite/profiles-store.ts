// Public profile facts and the profile photo.
import type { ProfileRow } from '../contract/accounts.js';
import type { Db } from './database.js';

export function createProfilesStore(db: Db) {
  const profile = db.prepare(`
    SELECT a.id, a.nickname, a.created_at AS joinedAt, a.photo_updated_at AS photoUpdatedAt,
      (SELECT count(*) FROM listings l WHERE l.seller_id = a.id AND l.deleted_at IS NULL AND l.hidden = 0) AS listingCount
    FROM actors a WHERE a.id = ?`);
  const setPhoto = db.prepare('UPDATE actors SET photo = ?, photo_type = ?, photo_updated_at = ? WHERE id = ?');
  const photo = db.prepare('SELECT photo, photo_type AS type FROM actors WHERE id = ? AND photo IS NOT NULL');
  return {
    profile: (id: string) => profile.get(id) as ProfileRow | undefined,
    setPhoto(id: string, bytes: Uint8Array | null, type: string | null, at: number | null) {
      setPhoto.run(bytes && Buffer.from(bytes), type, at, id);
    },
    photo: (id: string) => photo.get(id) as { photo: Uint8Array; type: string } | undefined,
  };
}
