// A list drawn a few rows per frame (see drawn-in-steps.ts): the first rows at once, then more in a
// task of their own after each frame, until every row is on screen. How many more is learned from
// how long the last step took: a slow phone draws two at a time (8 at once held a slowed main
// thread 60 ms), a fast one the rest of the page in the next frame instead of one frame per pair.
import { flushSync } from 'svelte';
import { hasUndrawn, keepUnchanged, nextDrawn, rowsPerStep } from './drawn-in-steps.js';

const FIRST = 2;

export class DrawnInSteps<T extends { id: string }> {
  #drawn = $state.raw<ReadonlySet<string>>(new Set());
  #rows: () => readonly T[] | null | undefined;
  /** The rows last shown, by id, so a row read again unchanged keeps its object (and its card). */
  #shown = new Map<string, T>();
  /** The last step: how many rows it drew and what one took, in ms; unknown before the first. */
  #lastStep: { rows: number; msPerRow: number } | undefined;
  #current = $derived.by(() => {
    const rows = keepUnchanged(this.#shown, this.#rows() ?? []);
    this.#shown = new Map(rows.map((row) => [row.id, row]));
    return rows;
  });

  /** Call while a component initialises: `rows` is read reactively (a store's value, a $state). */
  constructor(rows: () => readonly T[] | null | undefined) {
    this.#rows = rows;
    $effect(() => {
      const current = this.#rows() ?? [];
      // A row that has left the list is off screen: should it come back (the feed read again while
      // a sync rewrote the area), it is drawn in steps like any new row, not with every other at once.
      const listed = nextDrawn(this.#drawn, current, 0);
      if (listed.size !== this.#drawn.size) this.#drawn = listed;
      if (!hasUndrawn(this.#drawn, current)) return;
      // Nothing of this list on screen yet (the first rows, another area): a screenful at once.
      if (!current.some((row) => this.#drawn.has(row.id))) {
        this.#drawn = nextDrawn(new Set(), current, FIRST);
        return;
      }
      const step = () => {
        const started = performance.now();
        const before = this.#drawn;
        this.#drawn = nextDrawn(before, current, rowsPerStep(this.#lastStep));
        // Drawn now, inside this task, so its cost can be measured.
        flushSync();
        const added = [...this.#drawn].filter((id) => !before.has(id)).length;
        if (added > 0) this.#lastStep = { rows: added, msPerRow: (performance.now() - started) / added };
      };
      // After the frame that shows the last step, in a task of its own.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const frame = requestAnimationFrame(() => (timer = setTimeout(step)));
      return () => {
        cancelAnimationFrame(frame);
        clearTimeout(timer);
      };
    });
  }

  /** The rows on screen now, in list order. */
  get rows(): T[] {
    return this.#current.filter((row) => this.#drawn.has(row.id));
  }
}
