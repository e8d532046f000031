// What a mutation that places something in a neighbourhood must show before it is applied: that
// the place is one Dongne knows, that its photos reached the server, and that its author is
// verified there. Listings and board posts share these checks.
import type { ListingPhoto } from '@dongne/shared';
import type { Tx } from '../store/contract/store.js';
import type { NeighbourhoodRow } from '../store/contract/neighbourhoods.js';
import type { MutationContext } from './mutation-context.js';
import { MutationRejected } from './service-error.js';
import { verification } from './verification-service.js';

export async function placeOrReject(tx: Tx, id: string): Promise<NeighbourhoodRow> {
  const place = await tx.neighbourhoods.byId(id);
  if (!place) throw new MutationRejected('neighbourhood.unknown', 'That neighbourhood is not one Dongne knows.');
  return place;
}

/** Photos are uploaded before the mutation that names them; one that never arrived is refused. */
export async function photosOrReject(tx: Tx, photos: ListingPhoto[]): Promise<void> {
  const missing = await tx.media.missing(photos.flatMap((p) => [p.full, p.thumb]));
  if (missing.length > 0) {
    throw new MutationRejected('media.missing', `${missing.length} photo file(s) did not reach the server. Open the draft and publish again.`);
  }
}

/**
 * A passing fix taken when the person acted counts as a verification; failing that, a verification
 * from the last 30 days still lets them act in the neighbourhood. `doing` and `again` word the refusal
 * ("Selling", "publish again").
 */
export async function verifiedHereOrReject(ctx: MutationContext, place: NeighbourhoodRow, doing: string, again: string): Promise<void> {
  const { tx, actor, now, mutation } = ctx;
  const check = mutation.fix ? await verification.verify(tx, actor, place, mutation.fix, 'publish', now) : undefined;
  if (check?.ok || (await verification.hasCurrentVerification(tx, actor.id, place.id, now))) return;
  if (check && !check.ok) throw new MutationRejected(check.code, check.message);
  throw new MutationRejected(
    'location.verification_required',
    `${doing} in ${place.nameEn} needs a verified location. Verify your neighbourhood while you are there, then ${again}.`,
  );
}
