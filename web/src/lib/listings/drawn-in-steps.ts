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

/** Whether some row of `rows` is not drawn yet. */
export function hasUndrawn(drawn: ReadonlySet<string>, rows: readonly { id: string }[]): boolean {
  return rows.some((row) => !drawn.has(row.id));
}
