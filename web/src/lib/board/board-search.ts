// Searching the board: on the server when online (it sees every post in the area), otherwise over
// the posts this device holds, by the same rule. Blocks made here and not yet sent are applied on
// top of the server's answer, as for listings.
import { boardSearchResponseSchema, searchWords, type BoardPost, type BoardTopic } from '@dongne/shared';
import { api } from '../api/api-client.js';
import type { DongneDb } from '../db/db.js';
import { searchBoard } from '../db/board.js';
import { hiddenSellerIds } from '../db/queries.js';
import { currentScope } from '../db/scope.js';

export interface BoardSearchOutcome {
  posts: BoardPost[];
  /** True when the server could not be asked and the answer comes from this device alone. */
  offline: boolean;
}

export async function searchPosts(db: DongneDb, q: string, topic?: BoardTopic): Promise<BoardSearchOutcome> {
  if (navigator.onLine) {
    const scope = await currentScope(db);
    const params = new URLSearchParams({ q });
    if (scope?.chosen) {
      params.set('neighbourhood', scope.scope.neighbourhoodId);
      params.set('range', String(scope.scope.range));
    }
    if (topic) params.set('topic', topic);
    let answer;
    try {
      answer = await api.json(`/api/board/search?${params}`, boardSearchResponseSchema);
    } catch {
      // No connection, or the server could not answer: answer from what is here.
    }
    if (answer) {
      const hidden = await hiddenSellerIds(db);
      return { posts: answer.posts.filter((post) => !hidden.has(post.authorId)), offline: false };
    }
  }
  return { posts: await searchBoard(db, searchWords(q), topic), offline: true };
}
