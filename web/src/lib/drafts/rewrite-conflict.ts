// Two devices rewriting the same field while apart. Yjs keeps both texts, so a title rewritten on the
// phone and on the laptop merges into the two glued together ("노트북에서 새 제목Phone rewrote the
// title"). The merge stays (nothing typed is lost), but the editor tells the person and offers the
// other device's version. Small edits on both sides merge as they should and say nothing.
import { REMOTE, Y } from './draft-doc.js';

export const REWRITABLE_FIELDS = ['title', 'description'] as const;
export type RewritableField = (typeof REWRITABLE_FIELDS)[number];

export interface RewriteConflict {
  field: RewritableField;
  /** What this device had written before the merge. */
  mine: string;
  /** The other device's version: the merged text without what this device wrote since they parted. */
  theirs: string;
  /** The merged text, as the field shows it now; a later change to the field settles the question. */
  merged: string;
}

/**
 * Whether going from `before` to `after` replaced most of the text: more than half of it removed
 * (or, from nothing, anything written), measured on the changed middle as the editor diffs edits.
 */
export function replacedMost(before: string, after: string): boolean {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  const removed = before.length - start - end;
  const inserted = after.length - start - end;
  if (inserted === 0) return false;
  return before.trim() === '' || removed * 2 > before.length;
}

/**
 * The decision. `base` is the field when this device last had everything the others had; `mine` is
 * it just before their edits merged in; `theirNew` counts the characters they wrote that the merged
 * field shows. A merged state cannot say who deleted what, so the other side's rewrite is read from
 * how much new text they brought: at least half as much as the field held (any, from nothing).
 */
export function isRewriteConflict(input: { base: string; mine: string; theirNew: number }): boolean {
  const { base, mine, theirNew } = input;
  return replacedMost(base, mine) && theirNew > 0 && theirNew * 2 >= base.trim().length;
}

interface Run {
  client: number;
  clock: number;
  str: string;
}

/** The characters the text shows, in order, with the id of the item each run came from. */
function visibleRuns(text: Y.Text): Run[] {
  const runs: Run[] = [];
  for (let item = text._start; item; item = item.right as Y.Item | null) {
    if (!item.deleted && item.content instanceof Y.ContentString) runs.push({ client: item.id.client, clock: item.id.clock, str: item.content.str });
  }
  return runs;
}

/** Characters of a run from clock `from` of its client on (the part written after that point). */
const partFrom = (run: Run, from: number) => run.str.slice(Math.max(0, from - run.clock));
/** …and the part before it. */
const partBefore = (run: Run, from: number) => run.str.slice(0, Math.max(0, from - run.clock));

export interface RewriteWatch {
  /**
   * This device and the server now hold the same draft (everything written here was sent, and the
   * sync that followed brought nothing new): what this device writes from now on is measured from here.
   */
  agreed(): void;
  stop(): void;
}

/**
 * Watches an open draft document for merges from elsewhere (origin REMOTE) that bring another
 * device's rewrite of a field this device also rewrote since they last agreed. `onConflict` hears
 * each.
 */
export function watchRewrites(doc: Y.Doc, onConflict: (conflict: RewriteConflict) => void): RewriteWatch {
  const read = () => Object.fromEntries(REWRITABLE_FIELDS.map((f) => [f, doc.getText(f).toString()])) as Record<RewritableField, string>;
  // The last point this device had all it knew of the others' edits and they could have all of its:
  // opening, a merge from elsewhere, or a sync that found nothing new.
  let base = read();
  let myClockAtBase = Y.getState(doc.store, doc.clientID);
  let beforeMerge = base;
  const agreed = () => {
    base = read();
    myClockAtBase = Y.getState(doc.store, doc.clientID);
  };

  const before = (tr: Y.Transaction) => {
    if (tr.origin === REMOTE) beforeMerge = read();
  };
  const after = (tr: Y.Transaction) => {
    if (tr.origin !== REMOTE) return;
    const changed = tr.deleteSet.clients.size > 0 || [...tr.afterState].some(([client, clock]) => (tr.beforeState.get(client) ?? 0) !== clock);
    // Our own saved state coming back brings nothing new, and is no point of agreement to move to.
    if (!changed) return;
    for (const field of REWRITABLE_FIELDS) {
      const runs = visibleRuns(doc.getText(field));
      const theirNew = runs.reduce((sum, run) => sum + partFrom(run, tr.beforeState.get(run.client) ?? 0).length, 0);
      if (!isRewriteConflict({ base: base[field], mine: beforeMerge[field], theirNew })) continue;
      const theirs = runs.map((run) => (run.client === doc.clientID ? partBefore(run, myClockAtBase) : run.str)).join('');
      const merged = runs.map((run) => run.str).join('');
      if (theirs.trim() && theirs !== beforeMerge[field]) onConflict({ field, mine: beforeMerge[field], theirs, merged });
    }
    agreed();
  };
  doc.on('beforeTransaction', before);
  doc.on('afterTransaction', after);
  return {
    agreed,
    stop() {
      doc.off('beforeTransaction', before);
      doc.off('afterTransaction', after);
    },
  };
}
