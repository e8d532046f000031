// Background work every instance runs for rows other requests leave behind (pushes to send,
// reminders to make): a round when poked (a commit just made work), and one on an interval (work
// held for later, or left by an instance that stopped). One round at a time: a poke while one runs
// makes it go round again rather than start a second beside it.

export interface PokedLoop {
  /** Does whatever is due now, after what is being done already. Never throws, never waits. */
  poke(): void;
  /** Resolves once nothing is being done: what was due when it was called has been. */
  idle(): Promise<void>;
  /** A round now, then one every `everyMs` (a timer that does not hold the process open). */
  start(): void;
  /** Stops going round and waits for the round under way. */
  stop(): Promise<void>;
}

/**
 * `round` does the due work in batches until none is left or `stopped()` says to end; a failure is
 * handed to `onError` and the next poke or interval tries again.
 */
export function createPokedLoop({
  round,
  everyMs,
  onError,
}: {
  round: (stopped: () => boolean) => Promise<void>;
  everyMs: number;
  onError: (error: unknown) => void;
}): PokedLoop {
  let running: Promise<void> | undefined;
  let pokedWhileRunning = false;
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  async function drain() {
    do {
      pokedWhileRunning = false;
      await round(() => stopped);
    } while (pokedWhileRunning && !stopped);
  }

  function poke() {
    if (stopped) return;
    if (running) {
      pokedWhileRunning = true;
      return;
    }
    running = drain()
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  }

  async function idle() {
    while (running) await running;
  }

  return {
    poke,
    idle,
    start() {
      if (timer || stopped) return;
      timer = setInterval(poke, everyMs);
      timer.unref();
      poke();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await idle();
    },
  };
}
