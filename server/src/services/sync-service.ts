// Push applies a device's mutations exactly once; pull pages out what changed since a cursor.
import {
  describeIssues,
  isListingChangeMutation,
  stripControlCharacters,
  isMutationName,
  searchWords,
  SYNC_LIMITS,
  LIKED_IDS_MAX,
  bytesToBase64,
  type Change,
  type ErrorCode,
  type RangeLevel,
  type Mutation,
  type MutationResult,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '@dongne/shared';
import type { Store, Tx } from '../store/contract/store.js';
import type { Clock } from './clock.js';
import { compiledMutationArgs } from './compiled-schemas.js';
import { mutationHandlers } from './mutation-handlers.js';
import { DEFAULT_DAILY_CAPS, type DailyCaps, type MutationContext } from './mutation-context.js';
import type { Actor } from './session-service.js';
import { verification } from './verification-service.js';
import { MutationRejected, SeqGapError, ServiceError } from './service-error.js';
import { createAreaSnapshots, type AreaSnapshot } from './area-snapshots.js';
import { createServingDays } from './serving-days.js';
import { areaOf as resolveArea, blocksOf, type PullScope } from './reader-scope.js';
import { createLocalChangeBus, type ChangeBus, type ChangeTopic } from '../live/change-bus.js';
import type { PushDispatcher } from '../push/push-dispatcher.js';

const SEARCH_LIMIT = 50;

/** What a push's applied mutations leave to do once its transaction commits. */
interface AfterCommit {
  areas: Set<string>;
  accounts: Set<string>;
  pushDue: boolean;
}

export type { PullScope };

export function createSyncService(
  store: Store,
  clock: Clock,
  scope: PullScope,
  caps: DailyCaps = DEFAULT_DAILY_CAPS,
  changes: ChangeBus = createLocalChangeBus(),
  /** Poked after a commit that queued a Web Push due now. */
  pushDispatcher?: Pick<PushDispatcher, 'poke'>,
) {
  /**
   * A refused change to an existing listing comes back with the listing as this person may see it
   * now (or its tombstone): the device restores that one row instead of pulling its area again.
   */
  async function withCurrentListing(tx: Tx, actor: Actor, mutation: Mutation, result: MutationResult): Promise<MutationResult> {
    if (result.status !== 'rejected' || !isListingChangeMutation(mutation.name)) return result;
    // Args that do not parse name no listing to send back (their id may not even be one).
    const parsed = compiledMutationArgs[mutation.name].safeParse(mutation.args);
    if (!parsed.success) return result;
    return { ...result, current: await tx.listings.changeFor(parsed.data.id, actor.id) };
  }

  /**
   * Applies one mutation; if it applied, what is to happen after commit is added to `after`: the
   * areas it changed for the neighbours, the other people whose data it changed, a Web Push due.
   */
  async function applyOne(tx: Tx, actor: Actor, clientId: string, mutation: Mutation, after: AfterCommit): Promise<MutationResult> {
    const { mutationId, seq, name } = mutation;
    // The message may quote what the device sent (a name, a field): stored as text, it holds none of its control characters.
    const reject = (code: ErrorCode, message: string): MutationResult => ({ mutationId, seq, status: 'rejected', code, message: stripControlCharacters(message) });
    if (!isMutationName(name)) {
      return reject('mutation.unknown', `This app version sent an action the server does not know ("${name.slice(0, 64)}").`);
    }
    const parsed = compiledMutationArgs[name].safeParse(mutation.args);
    if (!parsed.success) {
      const first = describeIssues(parsed.error)[0];
      return reject('mutation.invalid_args', first ? `${first.path || 'args'}: ${first.message}` : 'Invalid arguments.');
    }
    try {
      // A savepoint per mutation: a handler that fails half-way leaves nothing behind.
      const changedAreas: string[] = [];
      const changedAccounts: string[] = [];
      let pushDue = false;
      await tx.savepoint((inner) => {
        const handler = mutationHandlers[name] as (ctx: MutationContext, args: unknown) => Promise<void>;
        const ctx: MutationContext = {
          tx: inner,
          actor,
          now: clock.now(),
          mutation,
          clientId,
          caps,
          areaChanged: (id) => changedAreas.push(id),
          accountChanged: (id) => changedAccounts.push(id),
          pushDue: () => void (pushDue = true),
        };
        return handler(ctx, parsed.data);
      });
      for (const id of changedAreas) after.areas.add(id);
      for (const id of changedAccounts) after.accounts.add(id);
      after.pushDue ||= pushDue;
      return { mutationId, seq, status: 'applied' };
    } catch (error) {
      if (error instanceof MutationRejected) return reject(error.code, error.message);
      throw error;
    }
  }

  /**
   * Refuses the batch unless every mutation in it is either one the server already processed (a
   * retry, answered from the record) or new and numbered exactly from `lastSeq + 1` on. Several
   * server instances may receive one device's batches: a mutation processed ahead of one it follows
   * would apply out of order. The refusal names the new mutations, which the device numbers again
   * from `expectedSeq`; it never drops one for its number. Answers the recorded results of the
   * retries, by seq.
   */
  async function assertInOrder(tx: Tx, clientId: string, mutations: Mutation[], lastSeq: number): Promise<Map<number, MutationResult>> {
    const retries = new Map<number, MutationResult>();
    let expected = lastSeq + 1;
    let inOrder = true;
    const numbered = new Map<number, string>();
    const unprocessed = new Set<string>();
    for (const { seq, mutationId } of mutations) {
      const recorded = seq <= lastSeq ? await tx.sync.processedAt(clientId, seq) : undefined;
      if (recorded?.mutationId === mutationId) {
        retries.set(seq, recorded);
        continue;
      }
      unprocessed.add(mutationId);
      if (numbered.get(seq) === mutationId) continue; // the same mutation twice in one batch
      if (seq === expected && !numbered.has(seq)) {
        numbered.set(seq, mutationId);
        expected++;
      } else {
        // A gap, a number already used for another mutation, or two mutations sharing one.
        inOrder = false;
      }
    }
    if (!inOrder) throw new SeqGapError(lastSeq + 1, [...unprocessed]);
    return retries;
  }

  const areaOf = (query: { neighbourhood?: string; range?: RangeLevel }) => resolveArea(store, scope, query);
  const servingDays = createServingDays(store, clock);

  /** Changes since the cursor in the person's area (and their own), as this person may see them. */
  async function pull(
    actor: Actor | undefined,
    query: { clientId?: string; cursor: number; limit?: number; neighbourhood?: string; range?: RangeLevel },
  ): Promise<PullResponse> {
    const limit = query.limit ?? SYNC_LIMITS.pullPageDefault;
    const { neighbourhoodId, range } = await areaOf(query);
    await servingDays.resumeIfNewDay();
    // Read the page, lastSeq and profile over one snapshot so they describe the same moment.
    return store.read(async (tx) => {
      const places = await tx.neighbourhoods.neighbourIds(neighbourhoodId, range);
      const rows: { changeSeq: number; change: Change }[] = (await tx.listings.changesSinceIn(places, actor?.id, query.cursor, limit + 1)).map((row) => ({
        changeSeq: row.changeSeq,
        change: row.deleted ? { op: 'delete', entity: 'listing', id: row.id } : { op: 'upsert', entity: 'listing', row: row.listing },
      }));
      // Board posts and their comments are chosen as listings are: the area's, and the person's own
      // wherever they are. One change counter orders every table, so all of them ride one cursor.
      for (const row of await tx.boardPosts.changesSinceIn(places, actor?.id, query.cursor, limit + 1)) {
        rows.push({ changeSeq: row.changeSeq, change: row.deleted ? { op: 'delete', entity: 'post', id: row.id } : { op: 'upsert', entity: 'post', row: row.post } });
      }
      for (const row of await tx.boardComments.changesSinceIn(places, actor?.id, query.cursor, limit + 1)) {
        rows.push({
          changeSeq: row.changeSeq,
          change: row.deleted ? { op: 'delete', entity: 'comment', id: row.id } : { op: 'upsert', entity: 'comment', row: row.comment },
        });
      }
      // Businesses are chosen as listings are. A campaign goes to the people whose own neighbourhood
      // its target covers (not to everyone whose wider range touches it: the ad would be for someone
      // else's area), and to its owner wherever they are.
      for (const row of await tx.businesses.changesSinceIn(places, actor?.id, query.cursor, limit + 1)) {
        rows.push({
          changeSeq: row.changeSeq,
          change: row.deleted ? { op: 'delete', entity: 'business', id: row.id } : { op: 'upsert', entity: 'business', row: row.business },
        });
      }
      for (const row of await tx.campaigns.changesSinceIn(neighbourhoodId, actor?.id, query.cursor, limit + 1)) {
        rows.push({
          changeSeq: row.changeSeq,
          change: row.deleted ? { op: 'delete', entity: 'campaign', id: row.id } : { op: 'upsert', entity: 'campaign', row: row.campaign },
        });
      }
      // A business's posts go to its area, to its followers wherever they are, and to its owner;
      // its reviews to its area and to their authors. A business followed from outside its area
      // comes too, so its posts and the inbox's line about them open its profile.
      const followed = actor ? await tx.businessFollows.followedBy(actor.id, LIKED_IDS_MAX) : [];
      const pulledBusinesses = new Set(rows.flatMap((r) => (r.change.entity === 'business' ? [r.changeSeq] : [])));
      for (const row of await tx.businessProfiles.changesSinceOf(followed, query.cursor, limit + 1)) {
        if (pulledBusinesses.has(row.changeSeq)) continue;
        rows.push({
          changeSeq: row.changeSeq,
          change: row.deleted ? { op: 'delete', entity: 'business', id: row.id } : { op: 'upsert', entity: 'business', row: row.business },
        });
      }
      for (const row of await tx.businessPosts.changesSinceIn(places, followed, actor?.id, query.cursor, limit + 1)) {
        rows.push({
          changeSeq: row.changeSeq,
          change: row.deleted ? { op: 'delete', entity: 'business_post', id: row.id } : { op: 'upsert', entity: 'business_post', row: row.post },
        });
      }
      for (const row of await tx.businessReviews.changesSinceIn(places, actor?.id, query.cursor, limit + 1)) {
        rows.push({
          changeSeq: row.changeSeq,
          change: row.deleted ? { op: 'delete', entity: 'business_review', id: row.id } : { op: 'upsert', entity: 'business_review', row: row.review },
        });
      }
      // The person's own drafts, too.
      if (actor) {
        for (const row of await tx.drafts.changesSince(actor.id, query.cursor, limit + 1)) {
          rows.push({
            changeSeq: row.changeSeq,
            change: row.deleted
              ? { op: 'delete', entity: 'draft', id: row.id }
              : { op: 'upsert', entity: 'draft', id: row.id, state: bytesToBase64(row.state), updatedAt: row.updatedAt },
          });
        }
        // Conversations and messages go to their two participants alone.
        for (const row of await tx.conversations.changesFor(actor.id, query.cursor, limit + 1)) {
          rows.push({ changeSeq: row.changeSeq, change: { op: 'upsert', entity: 'conversation', row: row.row } });
        }
        for (const row of await tx.messages.changesFor(actor.id, query.cursor, limit + 1)) {
          rows.push({ changeSeq: row.changeSeq, change: { op: 'upsert', entity: 'message', row: row.row } });
        }
        for (const row of await tx.notifications.changesFor(actor.id, query.cursor, limit + 1)) {
          rows.push({ changeSeq: row.changeSeq, change: { op: 'upsert', entity: 'notification', row: row.row } });
        }
      }
      rows.sort((a, b) => a.changeSeq - b.changeSeq);
      const hasMore = rows.length > limit;
      const page = hasMore ? rows.slice(0, limit) : rows;
      const changes = page.map((row) => row.change);
      const client = query.clientId ? await tx.sync.client(query.clientId) : undefined;
      const lastSeq = client && actor && client.actorId === actor.id ? client.lastSeq : 0;
      const cursor = page.length > 0 ? page[page.length - 1].changeSeq : query.cursor;
      return {
        changes,
        cursor,
        hasMore,
        lastSeq,
        scope: { neighbourhoodId, range },
        profile: actor ? await verification.profile(tx, actor, clock.now()) : null,
        likedIds: actor ? await tx.listings.likedBy(actor.id, places, LIKED_IDS_MAX) : [],
        reactedPostIds: actor ? await tx.boardPosts.reactedBy(actor.id, places, LIKED_IDS_MAX) : [],
        followedBusinessIds: followed,
        ...(actor ? await blocksOf(tx, actor.id) : { blockedIds: [], hiddenSellerIds: [] }),
        keywords: actor ? await tx.keywords.of(actor.id) : [],
      };
    });
  }

  // Built by the live pull itself, so a snapshot cannot drift from what pull answers.
  const areaSnapshots = createAreaSnapshots(store, (area, limit) =>
    pull(undefined, { cursor: 0, limit, neighbourhood: area.neighbourhoodId, range: area.range }),
  );

  return {
    async push(actor: Actor, request: PushRequest): Promise<PushResponse> {
      const { clientId } = request;
      // Apply in seq order: a later mutation may delete a listing an earlier one created.
      const mutations = [...request.mutations].sort((a, b) => a.seq - b.seq);
      const now = clock.now();
      // One outer transaction per batch (one commit), a savepoint per mutation inside it: a crash
      // mid-batch leaves none of the batch recorded, so the client's retry applies it once.
      const after: AfterCommit = { areas: new Set(), accounts: new Set([actor.id]), pushDue: false };
      let applied = false;
      const response = await store.transaction(async (tx) => {
        // Held until the batch commits: one device's batches apply one at a time, on any instance.
        const client = await tx.sync.claimClient(clientId, actor.id);
        if (client.actorId !== actor.id) {
          throw new ServiceError(403, 'sync.client_not_yours', 'This device id belongs to someone else.');
        }
        let lastSeq = client.lastSeq;
        // What was processed before, and what this batch processes, by seq: no second look-up.
        const processed = await assertInOrder(tx, clientId, mutations, lastSeq);
        const results: MutationResult[] = [];
        for (const mutation of mutations) {
          const earlier = processed.get(mutation.seq);
          if (earlier) {
            // A retry (or a repeat within the batch): the same answer, nothing applied again.
            results.push(await withCurrentListing(tx, actor, mutation, earlier));
            continue;
          }
          const result = await applyOne(tx, actor, clientId, mutation, after);
          applied ||= result.status === 'applied';
          await tx.sync.recordProcessed(clientId, result, now);
          processed.set(mutation.seq, result);
          lastSeq = mutation.seq;
          results.push(await withCurrentListing(tx, actor, mutation, result));
        }
        await tx.sync.setLastSeq(clientId, lastSeq);
        return { results, lastSeq };
      });
      // Only once committed: a poke before then would send devices to pull too early.
      // The person's other devices hear of anything applied (their profile and own rows may have
      // moved), and so do the other people it concerns (the other side of a chat, say).
      if (applied) {
        const topics: ChangeTopic[] = [...[...after.accounts].map((id): ChangeTopic => `account:${id}`), ...[...after.areas].map((id): ChangeTopic => `area:${id}`)];
        void changes.publish({ topics, fromClientId: clientId });
      }
      // A poke only starts the dispatcher's own work: a slow push service never holds up this answer.
      if (after.pushDue) pushDispatcher?.poke();
      return response;
    },

    /** The topics a device following this area (and, signed in, its own account) hears about. */
    async liveTopics(actor: Actor | undefined, query: { neighbourhood?: string; range?: RangeLevel }): Promise<ChangeTopic[]> {
      const { neighbourhoodId, range } = await areaOf(query);
      const places = await store.neighbourhoods.neighbourIds(neighbourhoodId, range);
      return [...places.map((id): ChangeTopic => `area:${id}`), ...(actor ? [`account:${actor.id}` as const] : [])];
    },

    /** Listings in the area (as pull resolves it) matching every word, newest first. */
    async search(
      actor: Actor | undefined,
      query: { q: string; neighbourhood?: string; range?: RangeLevel; category?: string; minPrice?: number; maxPrice?: number; hideSold?: '1' | '0' },
    ) {
      const { neighbourhoodId, range } = await areaOf(query);
      const places = await store.neighbourhoods.neighbourIds(neighbourhoodId, range);
      const filters = { category: query.category, minPrice: query.minPrice, maxPrice: query.maxPrice, hideSold: query.hideSold === '1' };
      // People blocked either way leave each other's results: ask for as many more as could drop out.
      const hidden = new Set(actor ? (await store.read((tx) => blocksOf(tx, actor.id))).hiddenSellerIds : []);
      const found = await store.listings.search(searchWords(query.q), places, filters, SEARCH_LIMIT + hidden.size);
      return { listings: found.filter((listing) => !hidden.has(listing.sellerId)).slice(0, SEARCH_LIMIT) };
    },

    pull,

    /**
     * A visitor's first page of an area (cursor 0, no session) as ready gzipped bytes: what `pull`
     * answers them, built once per change in the area instead of once per device.
     */
    async firstPull(query: { limit?: number; neighbourhood?: string; range?: RangeLevel }): Promise<AreaSnapshot> {
      const area = await areaOf(query);
      // Before the snapshot is judged current: turning serving back on is a change it must include.
      await servingDays.resumeIfNewDay();
      return areaSnapshots.firstPage(area, query.limit ?? SYNC_LIMITS.pullPageDefault);
    },
  };
}
export type SyncService = ReturnType<typeof createSyncService>;
