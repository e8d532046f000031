// Which rows of a list to have on screen now, when new rows are drawn a few per frame. Drawing a
// first page of 30 cards at once took a mid-range phone a few hundred milliseconds of main thread in
// one task (a tap in that time waits for all of it); a handful per task keeps every task short and
// the first screenful appears just as soon.

/**
 * The ids to draw after one more step: every row already drawn that is still in `rows`, plus the
 * next `step` rows not drawn yet, in list order.
 */
export function nextDrawn(drawn: ReadonlySet<string>, rows: readonly { id: string }[], step: number): Set<string> {
  const next = new Set<string>();
  let added = 0;
  for (const row of rows) {
    if (drawn.has(row.id)) next.add(row.id);
    else if (added < step) {
      next.add(row.id);
      added++;
    }
  }
  return next;
}

/**
 * How long one step of drawing may hold the main thread: well under a long task's 50 ms, since a
 * step measured at 20 ms ran to 50 when a garbage collection fell inside it, and the frame that lays
 * the new cards out comes on top.
 */
export const STEP_BUDGET_MS = 12;
/** Rows per step before anything was measured, and the most in any step. */
const FIRST_STEP = 2;
const MOST_PER_STEP = 8;

/**
 * How many rows the next step draws, given the last step (how many rows, and what one took, in
 * ms): as many as fit the budget, but at most twice the last step and never more than 8, since
 * rows differ (one with photos costs more, a garbage collection may fall in any step) and a step
 * measured on cheap rows should not send a slow phone many more: at four times and up to 20, steps
 * of a first sync on a phone-slow CPU ran to 57 ms. A fast machine draws a page of 30 in five frames.
 */
export function rowsPerStep(last: { rows: number; msPerRow: number } | undefined): number {
  if (last === undefined) return FIRST_STEP;
  const fits = Math.floor(STEP_BUDGET_MS / Math.max(last.msPerRow, 0.01));
  return Math.max(1, Math.min(MOST_PER_STEP, 2 * last.rows, fits));
}

/** Whether some row of `rows` is not drawn yet. */
export function hasUndrawn(drawn: ReadonlySet<string>, rows: readonly { id: string }[]): boolean {
  return rows.some((row) => !drawn.has(row.id));
}

/**
 * `rows`, with each row that equals its previous copy (same fields, as read again from the replica
 * or the server) replaced by that copy. A keyed list then sees the same object and leaves its card
 * alone: a search run again, or a feed read again after a sync, had every card on screen update.
 */
export function keepUnchanged<T extends { id: string }>(previous: ReadonlyMap<string, T>, rows: readonly T[]): T[] {
  return rows.map((row) => {
    const before = previous.get(row.id);
    return before && sameFields(before, row) ? before : row;
  });
}

function sameFields(a: object, b: object): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    // Nested values (a listing's photos) are small: compared by their JSON.
    return x === y || (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null && JSON.stringify(x) === JSON.stringify(y));
  });
}
