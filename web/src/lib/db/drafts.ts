// Drafts: written and autosaved locally, published into the outbox as a listing.create.
import { describeIssues, listingContentSchema, type Fix, type ListingContent } from '@dongne/shared';
import type { DongneDb, Draft } from './db.js';
import { currentOwner } from './meta.js';
import { enqueue, notifyLocalMutation } from '../sync/outbox.js';

export type DraftFields = Pick<Draft, 'title' | 'price' | 'category' | 'description' | 'acceptsOffers' | 'meetingSpot' | 'photos'>;

/** A form nobody has typed into. */
export const EMPTY_DRAFT_FIELDS: Readonly<DraftFields> = {
  title: '',
  price: '',
  category: '',
  description: '',
  acceptsOffers: false,
  meetingSpot: '',
  photos: [],
};

export async function createDraft(db: DongneDb, fields: Partial<DraftFields> = {}): Promise<Draft> {
  const now = Date.now();
  const draft: Draft = {
    id: crypto.randomUUID(),
    ownerId: await currentOwner(db),
    ...EMPTY_DRAFT_FIELDS,
    ...fields,
    createdAt: now,
    updatedAt: now,
  };
  await db.drafts.add(draft);
  return draft;
}

/**
 * A draft of the current person's; another account's draft on this device is not found, nor is one
 * published and waiting for the server's answer.
 */
export async function ownDraft(db: DongneDb, id: string): Promise<Draft | undefined> {
  const draft = await db.drafts.get(id);
  return draft && !draft.publishing && draft.ownerId === (await currentOwner(db)) ? draft : undefined;
}

/** An empty draft of the current person's to reuse instead of starting yet another. */
export async function blankDraft(db: DongneDb): Promise<Draft | undefined> {
  const owner = await currentOwner(db);
  return db.drafts
    .where('ownerId')
    .equals(owner)
    .filter((d) => !d.title && !d.price && !d.description && !d.category && !d.meetingSpot && !d.photos?.length && !d.rejection && !d.publishing)
    .first();
}

/** Deletes the draft here and, once synced, on the person's other devices. */
export async function deleteDraft(db: DongneDb, id: string): Promise<void> {
  await db.transaction('rw', [db.drafts, db.outbox, db.meta, db.listings, db.neighbourhoods], async () => {
    const draft = await db.drafts.get(id);
    await db.drafts.delete(id);
    // Only a draft that ever left this device has copies to remove.
    if (draft?.doc) await enqueue(db, 'draft.delete', { id }, id);
  });
  notifyLocalMutation();
}

/** Reads "12,000", "12000원" or "₩12,000" as 12000; empty means not given. */
export function parsePrice(text: string): number | undefined {
  const digits = text.replace(/[\s,₩원]/g, '');
  if (digits === '') return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : NaN;
}

export type PublishResult =
  | { ok: true; listingId: string }
  | { ok: false; issues: { path: string; message: string }[] };

/** Checks a draft as the server will, for publishing in `neighbourhoodId`. */
export function validateDraft(
  draft: DraftFields,
  neighbourhoodId: string,
): { ok: true; content: ListingContent } | { ok: false; issues: { path: string; message: string }[] } {
  const price = draft.category === 'free' ? 0 : parsePrice(draft.price);
  const { title, category, description, meetingSpot, photos } = draft;
  const acceptsOffers = draft.category !== 'free' && draft.acceptsOffers;
  const parsed = listingContentSchema.safeParse({ title, category, description, acceptsOffers, meetingSpot, photos, neighbourhoodId, priceKrw: price ?? 0 });
  if (parsed.success && price !== undefined) return { ok: true, content: parsed.data };
  // Report every problem at once, so the person fixes the form in one pass.
  const issues = parsed.success ? [] : describeIssues(parsed.error);
  if (price === undefined) issues.push({ path: 'priceKrw', message: 'Set a price, or choose Free giveaway' });
  return { ok: false, issues };
}

/**
 * Turns a draft into a listing waiting to sync, in `neighbourhoodId`, with the GPS fix taken when
 * the person tapped Publish (the server checks it when the listing syncs). The listing keeps the
 * draft's id. The draft itself stays, out of sight, until the server accepts the listing: if it
 * refuses, the person gets their draft back with its full edit history, so it still merges.
 */
export async function publishDraft(db: DongneDb, id: string, place: { neighbourhoodId: string; fix?: Fix }): Promise<PublishResult> {
  const result = await db.transaction('rw', [db.drafts, db.outbox, db.meta, db.listings, db.neighbourhoods], async () => {
    const draft = await ownDraft(db, id);
    if (!draft) return { ok: false as const, issues: [{ path: '', message: 'This draft no longer exists.' }] };
    const checked = validateDraft(draft, place.neighbourhoodId);
    if (!checked.ok) return checked;
    await enqueue(db, 'listing.create', { id, ...checked.content }, id, place.fix);
    await db.drafts.update(id, { publishing: true });
    return { ok: true as const, listingId: id };
  });
  if (result.ok) notifyLocalMutation();
  return result;
}
