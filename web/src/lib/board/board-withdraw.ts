// Taking a person's board state off the device when they sign out (or someone else signs in): the
// board everyone on this device reads must show only what the server shows them. Unsent posts and
// comments leave, edits and deletes waiting to sync are undone (the server's row comes back), and
// what only the author may see (their posts under review, the words of their comments under
// review) goes; on sign-out their drafts and refused comments go too, as their listing drafts do.
import type { DongneDb, LocalComment, LocalPost } from '../db/db.js';

/** The row as the server has it, without this device's unconfirmed changes; undefined if it never reached it. */
function serverRow<T extends LocalPost | LocalComment>(row: T): T | undefined {
  if (row.local) return undefined;
  if (row.base) return row.base as T;
  const { deletedHere: _deleted, ...rest } = row;
  return rest as T;
}

export async function withdrawBoardWork(db: DongneDb, owner: string, { forgetDrafts }: { forgetDrafts: boolean }): Promise<void> {
  if (!owner) return;
  const posts = await db.posts.where('authorId').equals(owner).toArray();
  for (const post of posts) {
    const server = serverRow(post);
    if (!server || server.underReview) await db.posts.delete(post.id);
    else if (server !== post) await db.posts.put(server);
  }
  const comments = await db.comments.where('authorId').equals(owner).toArray();
  for (const comment of comments) {
    const server = comment.failed ? undefined : serverRow(comment);
    if (!server) await db.comments.delete(comment.id);
    else await db.comments.put(server.underReview ? { ...server, text: '' } : server);
  }
  if (forgetDrafts) await db.boardDrafts.where('ownerId').equals(owner).delete();
}
