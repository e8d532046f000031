// Searching the neighbourhood board: posts in the asker's area (or the default area for a visitor,
// as listing search does) whose text holds every word, newest first. Posts hidden by reports, and
// those of people blocked either way, are not found.
import { searchWords, type BoardPost, type BoardTopic, type RangeLevel } from '@dongne/shared';
import type { Store } from '../store/contract/store.js';
import { areaOf, blocksOf, type PullScope } from './reader-scope.js';
import type { Actor } from './session-service.js';

const SEARCH_LIMIT = 50;

export function createBoardSearch(store: Store, scope: PullScope) {
  return {
    async search(actor: Actor | undefined, query: { q: string; neighbourhood?: string; range?: number; topic?: BoardTopic }): Promise<{ posts: BoardPost[] }> {
      const { neighbourhoodId, range } = await areaOf(store, scope, { neighbourhood: query.neighbourhood, range: query.range as RangeLevel | undefined });
      const places = await store.neighbourhoods.neighbourIds(neighbourhoodId, range);
      // Authors blocked either way leave the results: ask for as many more as could drop out.
      const hidden = new Set(actor ? (await store.read((tx) => blocksOf(tx, actor.id))).hiddenSellerIds : []);
      const found = await store.boardPosts.search(searchWords(query.q), places, query.topic, SEARCH_LIMIT + hidden.size);
      return { posts: found.filter((post) => !hidden.has(post.authorId)).slice(0, SEARCH_LIMIT) };
    },
  };
}
export type BoardSearch = ReturnType<typeof createBoardSearch>;
