// Settling a mutation once the server has answered: what the device does when the server refuses
// it (never drop the person's work) or confirms it, beyond dropping it from the outbox.
import { bytesToBase64, DRAFT_LIMITS, type MutationArgs, type MutationName } from '@dongne/shared';
import type { DongneDb } from '../db/db.js';
import { getMeta, setMeta } from '../db/meta.js';
import { enqueue } from './outbox.js';

type LocalReject = {
  [N in MutationName]: (db: DongneDb, args: MutationArgs<N>, reason: { code: string; message: string }, ownerId: string) => Promise<void>;
};

async function pullFromStart(db: DongneDb) {
  await setMeta(db, 'cursor', 0);
}

/** What the device does when the server refuses a mutation: never drop the user's work. */
export const localReject: LocalReject = {
  async 'listing.create'(db, args, reason, ownerId) {
    await db.listings.delete(args.id);
    const now = Date.now();
    // A photo this device could not upload: say why the server refused it, not just that it is missing.
    if (reason.code === 'media.missing') {
      const refusals = (await getMeta(db, 'photoRefusals')) ?? {};
      const why = args.photos.map((p) => refusals[p.full] ?? refusals[p.thumb]).find(Boolean);
      if (why) reason = { ...reason, message: `A photo could not be uploaded: ${why} Remove it, then publish again.` };
    }
    // The draft it was published from, with its edit history, so later edits still merge.
    if (await db.drafts.get(args.id)) {
      await db.drafts.update(args.id, { publishing: false, ownerId, updatedAt: now, rejection: { ...reason, at: now } });
      return;
    }
    await db.drafts.put({
      id: args.id,
      // The draft goes back to whoever published it, even if someone else is signed in now.
      ownerId,
      title: args.title,
      price: String(args.priceKrw),
      category: args.category,
      description: args.description,
      acceptsOffers: args.acceptsOffers,
      meetingSpot: args.meetingSpot,
      photos: args.photos,
      createdAt: now,
      updatedAt: now,
      rejection: { ...reason, at: now },
    });
  },
  // The server still holds the listing as it was, but the pull cursor is already past its last
  // change, so the next pull would not bring it back: pull again from the start to restore it.
  'listing.delete': pullFromStart,
  'listing.set_status': pullFromStart,
  'listing.update': pullFromStart,
  'listing.set_hidden': pullFromStart,
  'listing.bump': pullFromStart,
  // The watchlist in that pull is the server's truth.
  'listing.set_liked': pullFromStart,
  // The profile in the next pull is the server's truth about held neighbourhoods.
  async 'neighbourhood.set'() {},
  async 'neighbourhood.verify'(db, _args, reason) {
    await setMeta(db, 'verifyRejection', { ...reason, at: Date.now() });
  },
  // Gone from the server (published or deleted on another device): the pull that carries its
  // tombstone removes it here too. Refused as unreadable: later edits build on this one, so the
  // server could never use them either; send the whole document instead, which always applies.
  async 'draft.update'(db, args, reason) {
    if (reason.code !== 'draft.invalid_update' && reason.code !== 'mutation.invalid_args') return;
    const draft = await db.drafts.get(args.id);
    if (!draft?.doc) return;
    const update = bytesToBase64(draft.doc);
    // Too large to send whole as well: the draft stays on this device only.
    if (update.length > DRAFT_LIMITS.updateMaxChars || update === args.update) return;
    await enqueue(db, 'draft.update', { id: args.id, update }, args.id);
  },
  async 'draft.delete'() {},
};

type LocalConfirm = { [N in MutationName]?: (db: DongneDb, args: MutationArgs<N>) => Promise<void> };

/** What the device does once the server has applied a mutation, beyond dropping it from the outbox. */
export const localConfirm: LocalConfirm = {
  // The listing is live: the draft kept in case of a refusal can go.
  async 'listing.create'(db, args) {
    await db.drafts.delete(args.id);
  },
};

export function confirmLocally<N extends MutationName>(db: DongneDb, name: N, args: MutationArgs<N>) {
  const confirm = localConfirm[name] as ((db: DongneDb, args: MutationArgs<N>) => Promise<void>) | undefined;
  return confirm?.(db, args);
}

export function rejectLocally<N extends MutationName>(
  db: DongneDb,
  name: N,
  args: MutationArgs<N>,
  reason: { code: string; message: string },
  ownerId: string,
) {
  const reject = localReject[name] as (db: DongneDb, args: MutationArgs<N>, reason: { code: string; message: string }, ownerId: string) => Promise<void>;
  return reject(db, args, reason, ownerId);
}
