// Neighbours trading on a test server, as the app makes them act and see: each signed in with a
// phone of their own, acting through push and seeing through pull, with the chat rows their pulls
// carry picked out (and their inbox). Tests only.
import { randomUUID } from 'node:crypto';
import {
  conversationId,
  mediaPath,
  type ChatMessage,
  type Conversation,
  type Listing,
  type ListingCreateArgs,
  type Mutation,
  type MutationResult,
  type Notification,
  type PullResponse,
} from '@dongne/shared';
import { HOME } from './fixes.js';
import { device, mutation, newSession, pullAll, push, setNeighbourhoods, verifyNeighbourhood, type SignedUp, type TestServer } from './harness.js';
import { JPEG_3X2, png, sha256Hex } from './images.js';
import type { PostgresStore } from '../store/postgres/postgres-store.js';

/** What one person's pull from the start carries now, the chat rows picked out. */
export interface View {
  /** The listings their devices hold, by id. */
  listings: Map<string, Listing>;
  /** Every conversation the pull carried, as it stands now, by id. */
  conversations: Map<string, Conversation>;
  /** Every message, in the order the pull carried them. */
  messages: ChatMessage[];
  /** Their inbox as it stands now, by id, in the order each was last changed. */
  notifications: Map<string, Notification>;
  /** The last page: blockedIds, hiddenSellerIds, profile. */
  last: PullResponse;
}

export interface Person extends SignedUp {
  clientId: string;
  nextSeq(): number;
  /** Pushes one mutation from this person's phone and answers its result. */
  act(name: string, args: unknown, extra?: Partial<Mutation>): Promise<MutationResult>;
  /** What this person's devices would hold after pulling everything now. */
  view(): Promise<View>;
}

/** Reads a pull's changes into a View. */
export function viewOf(pages: PullResponse[]): View {
  const listings = new Map<string, Listing>();
  const conversations = new Map<string, Conversation>();
  const messages: ChatMessage[] = [];
  const notifications = new Map<string, Notification>();
  for (const change of pages.flatMap((page) => page.changes)) {
    if (change.op === 'delete' && change.entity === 'listing') listings.delete(change.id);
    if (change.op !== 'upsert') continue;
    if (change.entity === 'listing') listings.set(change.row.id, change.row);
    if (change.entity === 'conversation') conversations.set(change.row.id, change.row);
    if (change.entity === 'message') messages.push(change.row);
    if (change.entity === 'notification') {
      // A refreshed notification moves to the end, as a newer change.
      notifications.delete(change.row.id);
      notifications.set(change.row.id, change.row);
    }
  }
  return { listings, conversations, messages, notifications, last: pages[pages.length - 1] };
}

/** The conversation (listing, buyer) in a view, if the view holds it. */
export const conversationIn = (view: View, listingId: string, buyerId: string) => view.conversations.get(conversationId(listingId, buyerId));

/** The messages of conversation (listing, buyer) in a view, in the order they were pulled. */
export const messagesIn = (view: View, listingId: string, buyerId: string) =>
  view.messages.filter((message) => message.conversationId === conversationId(listingId, buyerId));

export function people(server: TestServer) {
  const { app } = server;

  /** A new account with a phone. `verified` also gives them HOME, verified there now. */
  async function person({ verified = false }: { verified?: boolean } = {}): Promise<Person> {
    const account = await newSession(app);
    const phone = device();
    const who: Person = {
      ...account,
      ...phone,
      async act(name, args, extra = {}) {
        return (await push(app, account.cookie, phone.clientId, [mutation(phone.nextSeq(), name, args, extra)])).results[0];
      },
      async view() {
        return viewOf((await pullAll(app, account.cookie)).pages);
      },
    };
    if (verified) {
      const { results } = await push(app, account.cookie, phone.clientId, [
        setNeighbourhoods(phone.nextSeq(), [HOME]),
        verifyNeighbourhood(phone.nextSeq(), HOME, server.fixAt(HOME)),
      ]);
      if (results.some((r) => r.status !== 'applied')) throw new Error(`verification: ${JSON.stringify(results)}`);
    }
    return who;
  }

  /** Publishes a listing from the seller's phone (with a passing fix); answers its id. */
  async function publish(seller: Person, overrides: Partial<ListingCreateArgs> = {}): Promise<string> {
    const create = server.createListing(seller.nextSeq(), overrides);
    const { results } = await push(app, seller.cookie, seller.clientId, [create]);
    if (results[0].status !== 'applied') throw new Error(`publish: ${JSON.stringify(results[0])}`);
    return (create.args as ListingCreateArgs).id;
  }

  /** Uploads a photo (a JPEG and a PNG thumbnail) as `owner`; answers it as a listing names it. */
  async function photo(owner: Person): Promise<{ full: string; thumb: string }> {
    const thumbBytes = png(2, 2);
    for (const bytes of [JPEG_3X2, thumbBytes]) {
      const response = await app.request(mediaPath(sha256Hex(bytes)), {
        method: 'PUT',
        headers: { cookie: owner.cookie, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bytes),
      });
      if (response.status !== 200) throw new Error(`upload: ${response.status} ${await response.text()}`);
    }
    return { full: sha256Hex(JPEG_3X2), thumb: sha256Hex(thumbBytes) };
  }

  return { person, publish, photo };
}

/** chat.send args: `text` from someone in conversation (listing, buyer), with a fresh message id unless given. */
export const say = (listingId: string, buyerId: string, text: string, id: string = randomUUID()) => ({ id, listingId, buyerId, text });

/**
 * PostgreSQL only: starts `first`, then `second`, while the change counter is held from outside (as
 * a long push on another instance holds it), so that both are under way and waiting for their turn
 * to write at once; then lets them go, and answers both results. Each is seen waiting (on a lock)
 * before the next starts, so they queue in that order.
 */
export async function atTheSameMoment<A, B>(server: TestServer, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> {
  const { pool } = server.store as PostgresStore;
  const admin = await pool.connect();
  // Watched from outside the held transaction, whose view of pg_stat_activity stays as it first saw it.
  const waiting = async () =>
    (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")).rows[0].n;
  const until = async (n: number) => {
    while ((await waiting()) < n) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  try {
    await admin.query('BEGIN');
    await admin.query('SELECT value FROM change_counter WHERE id = 1 FOR UPDATE');
    const a = first();
    await until(1);
    const b = second();
    await until(2);
    await admin.query('ROLLBACK');
    return [await a, await b];
  } finally {
    admin.release();
  }
}
