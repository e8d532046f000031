// Range levels: how far from home a person's feed reaches, by distance between neighbourhood centres.
export const RANGE_LEVELS = [
  { level: 1, label: 'My neighbourhood', maxKm: 0 },
  { level: 2, label: 'Nearby', maxKm: 3 },
  { level: 3, label: 'Around town', maxKm: 6 },
  { level: 4, label: 'Far', maxKm: 10 },
] as const;

export type RangeLevel = (typeof RANGE_LEVELS)[number]['level'];
export const DEFAULT_RANGE: RangeLevel = 2;

export function rangeKm(level: RangeLevel): number {
  return RANGE_LEVELS.find((r) => r.level === level)!.maxKm;
}
