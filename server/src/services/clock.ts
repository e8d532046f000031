// Time as a dependency, so tests can fix it.
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/** Waiting, as a dependency too: the sign-in slowdown must not make tests wait. */
export type Sleep = (ms: number) => Promise<void>;
export const systemSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
