// A participant's rows come from two index ranges (as buyer, as seller); each is read oldest change
// first and at most `limit` long, and the pull page is the first `limit` of both together.
export function firstByChange<T extends { changeSeq: number }>(a: T[], b: T[], limit: number): T[] {
  return [...a, ...b].sort((x, y) => x.changeSeq - y.changeSeq).slice(0, limit);
}
