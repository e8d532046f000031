// A list drawn a few rows per frame (see drawn-in-steps.ts): the first screenful at once, then
// `step` more in a task of their own after each frame, until every row is on screen.
import { hasUndrawn, keepUnchanged, nextDrawn } from './drawn-in-steps.js';

/** The first cards at once, the rest of the screen over the next frames: 8 at once held a slowed main thread 60 ms. */
const FIRST = 2;
const STEP = 2;

export class DrawnInSteps<T extends { id: string }> {
  #drawn = $state.raw<ReadonlySet<string>>(new Set());
  #rows: () => readonly T[] | null | undefined;
  /** The rows last shown, by id, so a row read again unchanged keeps its object (and its card). */
  #shown = new Map<string, T>();
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
      if (!hasUndrawn(this.#drawn, current)) return;
      // Nothing of this list on screen yet (the first rows, another area): a screenful at once.
      if (!current.some((row) => this.#drawn.has(row.id))) {
        this.#drawn = nextDrawn(new Set(), current, FIRST);
        return;
      }
      const step = () => {
        this.#drawn = nextDrawn(this.#drawn, current, STEP);
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
