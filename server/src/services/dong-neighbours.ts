// Range levels from real geography: a dong's "near" sets are the dongs around it, counted in shared
// borders, not a circle around its centre.
import { distanceM, RANGE_LEVELS } from '@dongne/shared';
import type { NeighbourPair } from '../store/contract/neighbourhoods.js';
import type { KoreaDongs } from './korea-dongs.js';
import { neighbourPairs } from './neighbourhood-import.js';

/**
 * Level 1 is the dong alone; level 2 adds the dongs sharing a border with it; levels 3 and 4 go one
 * and two borders further. An island shares no border with anyone, so its levels reach by distance
 * instead (the centres within each level's kilometres), as the demo circles did. Every entry carries
 * the distance between centres, which orders each set nearest first.
 */
export function dongNeighbourPairs({ rows, borders }: KoreaDongs): NeighbourPair[] {
  const maxLevel = Math.max(...RANGE_LEVELS.map((r) => r.level));
  const pairs: NeighbourPair[] = [];
  const byDistance = new Map<string, NeighbourPair[]>();
  if (borders.some((b) => b.length === 0)) {
    for (const pair of neighbourPairs(rows)) {
      const list = byDistance.get(pair.neighbourhoodId);
      if (list) list.push(pair);
      else byDistance.set(pair.neighbourhoodId, [pair]);
    }
  }
  rows.forEach((row, i) => {
    if (borders[i].length === 0) {
      pairs.push(...(byDistance.get(row.id) ?? []));
      return;
    }
    // Breadth first: the number of borders crossed to reach each dong.
    const steps = new Map<number, number>([[i, 0]]);
    let frontier = [i];
    for (let step = 1; step < maxLevel && frontier.length > 0; step++) {
      const next: number[] = [];
      for (const at of frontier) {
        for (const j of borders[at]) {
          if (steps.has(j)) continue;
          steps.set(j, step);
          next.push(j);
        }
      }
      frontier = next;
    }
    for (const [j, step] of steps) {
      const apart = j === i ? 0 : distanceM(row, rows[j]);
      for (let level = step + 1; level <= maxLevel; level++) pairs.push({ neighbourhoodId: row.id, level, neighbourId: rows[j].id, distanceM: apart });
    }
  });
  return pairs;
}
