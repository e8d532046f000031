// The day an ad event counts in: Asia/Seoul's, as the server's budgets and caps count. Korea keeps no
// summer time, so a fixed offset is exact.
const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

export function seoulDay(at: number): string {
  return new Date(at + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}
