// The manner temperature (매너온도): 36.5 °C for someone new, moved up by good and down by bad
// evaluations from the last 12 months (each reviewer's latest), recent ones weighing more, bounded
// to 0–99. The README's "Manner temperature" section states the same formula; change both together.
import { MANNER_TEMPERATURE } from '@dongne/shared';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Evaluations older than this no longer count. */
export const MANNER_WINDOW_MS = 365 * DAY_MS;
/** Degrees one good manner adds, and one bad manner takes away, at full weight. */
export const GOOD_STEP = 0.2;
export const BAD_STEP = 0.6;
/** The weight of an evaluation falls linearly from 1 (today) to this at the window's end. */
const OLDEST_WEIGHT = 0.5;

export interface Evaluation {
  reviewerId: string;
  good: readonly string[];
  bad: readonly string[];
  createdAt: number;
}

/** How much an evaluation made `age` ago counts: 1 today, 0.5 a year on, nothing after. */
export function recencyWeight(age: number): number {
  if (age >= MANNER_WINDOW_MS) return 0;
  return 1 - (1 - OLDEST_WEIGHT) * (Math.max(0, age) / MANNER_WINDOW_MS);
}

/**
 * Each reviewer's latest evaluation only: one person trading again and again with the same other
 * account (a second account of their own, say) moves it once, not once per listing "sold".
 */
export function latestPerReviewer(evaluations: readonly Evaluation[]): Evaluation[] {
  const latest = new Map<string, Evaluation>();
  for (const evaluation of evaluations) {
    const kept = latest.get(evaluation.reviewerId);
    if (!kept || evaluation.createdAt > kept.createdAt) latest.set(evaluation.reviewerId, evaluation);
  }
  return [...latest.values()];
}

export function mannerTemperature(evaluations: readonly Evaluation[], now: number): number {
  let degrees = MANNER_TEMPERATURE.start;
  for (const { good, bad, createdAt } of latestPerReviewer(evaluations)) {
    degrees += recencyWeight(now - createdAt) * (GOOD_STEP * good.length - BAD_STEP * bad.length);
  }
  const bounded = Math.min(MANNER_TEMPERATURE.max, Math.max(MANNER_TEMPERATURE.min, degrees));
  return Math.round(bounded * 10) / 10;
}
