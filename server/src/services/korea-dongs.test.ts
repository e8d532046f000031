// The real dongs: read whole from the TopoJSON, each placed in its city and district, bordering the
// dongs around it; and a reading judged against the real polygons, without a database.
import { describe, expect, it } from 'vitest';
import { checkFix, distanceM, distanceOutsideM, METRES_PER_DEGREE_LAT, polygonsContain, type Fix, type MultiPolygonCoords } from '@dongne/shared';
import { toArea, type NeighbourhoodRow } from '../store/contract/neighbourhoods.js';
import { dongNeighbourPairs } from './dong-neighbours.js';
import { dongId, englishName, KOREA_DONG_COUNT, readKoreaDongs } from './korea-dongs.js';
import { createNeighbourhoodLookup } from './neighbourhood-lookup.js';

const dongs = readKoreaDongs();
const { rows, borders } = dongs;
const byId = new Map(rows.map((row) => [row.id, row]));
const polygonsOf = (row: NeighbourhoodRow) => JSON.parse(row.boundary!) as MultiPolygonCoords;
const lookup = createNeighbourhoodLookup({ neighbourhoods: { all: async () => rows, count: async () => rows.length } });

/** A deterministic stream of numbers in [0, 1): the same points every run. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32);
}

describe('the dongs of Korea', () => {
  it('are all 3,504, each with a Korean and an English name and a polygon', () => {
    expect(rows).toHaveLength(KOREA_DONG_COUNT);
    expect(new Set(rows.map((r) => r.id)).size).toBe(KOREA_DONG_COUNT);
    for (const row of rows) {
      expect(row.id).toMatch(/^kr-\d{7}$/);
      expect(row.nameKo).toMatch(/[\uac00-\ud7a3]/);
      expect(row.nameEn).toMatch(/^[A-Z]/);
      expect(row.radiusM).toBeNull();
      expect(polygonsOf(row).length).toBeGreaterThan(0);
    }
  });

  it('say which city and district each is in, since names repeat: 정자1동 is in Suwon and in Seongnam', () => {
    expect(rows.every((r) => r.regionEn && r.regionKo)).toBe(true);
    const jeongja1 = rows.filter((r) => r.nameKo === '정자1동').map((r) => [r.regionKo, r.regionEn]);
    expect(jeongja1).toEqual(
      expect.arrayContaining([
        ['성남시 분당구', 'Bundang-gu, Seongnam-si'],
        ['수원시 장안구', 'Jangan-gu, Suwon-si'],
      ]),
    );
    expect(byId.get('kr-1114069')).toMatchObject({ nameKo: '망원1동', nameEn: 'Mangwon 1-dong', regionKo: '서울 마포구', regionEn: 'Mapo-gu, Seoul' });
    expect(byId.get(dongId('3102375'))).toMatchObject({ nameKo: '판교동', regionKo: '성남시 분당구' });
  });

  it('read the source’s English names as people write them', () => {
    expect(englishName('Jeongja 1(il)-dong')).toBe('Jeongja 1-dong');
    expect(englishName('Sunae1-dong')).toBe('Sunae 1-dong');
    expect(englishName('Seongsu 2(i)-ga 3(sam)-dong')).toBe('Seongsu 2-ga 3-dong');
    expect(englishName('Pangyo-dong')).toBe('Pangyo-dong');
    expect(englishName('yangsan-dong')).toBe('Yangsan-dong');
  });

  it('border each other both ways, and most border someone (islands are the exception)', () => {
    const oneWay = borders.flatMap((list, i) => list.filter((j) => !borders[j].includes(i)).map((j) => [rows[i].id, rows[j].id]));
    expect(oneWay).toEqual([]);
    expect(borders.filter((b) => b.length === 0).length).toBeLessThan(100);
  });

  it('make range levels of the dongs around: level 2 is Pangyo-dong and those across its borders', () => {
    const pairs = dongNeighbourPairs(dongs).filter((p) => p.neighbourhoodId === 'kr-3102375');
    const level = (n: number) => pairs.filter((p) => p.level === n).map((p) => byId.get(p.neighbourId)!.nameKo);
    expect(level(1)).toEqual(['판교동']);
    expect(level(2)).toEqual(expect.arrayContaining(['판교동', '운중동', '백현동', '삼평동']));
    // Not a circle: Sunae is 4 km off and two borders away.
    expect(level(2)).not.toContain('수내1동');
    expect(level(3).length).toBeGreaterThan(level(2).length);
    expect(level(4).length).toBeGreaterThan(level(3).length);
  });
});

describe('locating a reading among every dong', () => {
  it('puts 300 random points well inside real dongs in those dongs', async () => {
    const next = random(16);
    const step = 50 / METRES_PER_DEGREE_LAT;
    let checked = 0;
    while (checked < 300) {
      const row = rows[Math.floor(next() * rows.length)];
      const polygons = polygonsOf(row);
      const point = { lat: row.minLat + next() * (row.maxLat - row.minLat), lng: row.minLng + next() * (row.maxLng - row.minLng) };
      // "Well inside": 50 m every way is inside too, so no simplified border decides it.
      const around = [point, { ...point, lat: point.lat + step }, { ...point, lat: point.lat - step }, { ...point, lng: point.lng + step }, { ...point, lng: point.lng - step }];
      if (!around.every((p) => polygonsContain(p, polygons))) continue;
      const found = await lookup.locate(point);
      expect({ point, id: found?.neighbourhood.id, contains: found?.contains }).toEqual({ point, id: row.id, contains: true });
      checked++;
    }
  });

  it('finds nobody’s neighbourhood at sea: the nearest dong offered near the coast, none far out', async () => {
    for (const atSea of [
      { lat: 35.131, lng: 129.16 }, // off Haeundae beach, Busan
      { lat: 37.45, lng: 126.3 }, // the Yellow Sea off Incheon
      { lat: 34.3, lng: 127.6 }, // between the southern islands
    ]) {
      const found = await lookup.locate(atSea);
      expect(found, JSON.stringify(atSea)).toBeDefined();
      expect(found!.contains).toBe(false);
      expect(found!.distanceM).toBeGreaterThan(0);
    }
    // The East Sea north of Ulleung-do and the Korea Strait towards Japan: too far from any dong.
    expect(await lookup.locate({ lat: 38.5, lng: 130.5 })).toBeUndefined();
    expect(await lookup.locate({ lat: 34.0, lng: 129.5 })).toBeUndefined();
  });
});

describe('verifying near a border', () => {
  const fixAt = (point: { lat: number; lng: number }, accuracy: number): Fix => ({ ...point, accuracy, takenAt: Date.UTC(2026, 2, 1) });
  const check = (row: NeighbourhoodRow, fix: Fix) => checkFix({ fix, area: toArea(row), now: Date.UTC(2026, 2, 1, 0, 1), action: 'verify', replayed: false });

  it('judges by the real polygon and the reading’s accuracy: a few metres over the border pass only if the accuracy covers them', () => {
    // Jeongja-dong and Sunae 1-dong in Bundang share a border. Walk from a point on it into Sunae.
    const jeongja = byId.get('kr-3102378')!;
    const sunae = byId.get('kr-3102353')!;
    const jeongjaPolygons = polygonsOf(jeongja);
    const sunaePolygons = polygonsOf(sunae);
    const shared = polygonsOf(sunae)
      .flatMap((polygon) => polygon[0])
      .find(([lng, lat]) => jeongjaPolygons.some((polygon) => polygon[0].some(([x, y]) => x === lng && y === lat)))!;
    expect(shared).toBeDefined();
    const onBorder = { lat: shared[1], lng: shared[0] };
    let inSunae: { lat: number; lng: number } | undefined;
    for (let bearing = 0; bearing < 360 && !inSunae; bearing += 15) {
      const r = (bearing * Math.PI) / 180;
      const m = 30 / METRES_PER_DEGREE_LAT;
      const p = { lat: onBorder.lat + m * Math.cos(r), lng: onBorder.lng + (m * Math.sin(r)) / Math.cos((onBorder.lat * Math.PI) / 180) };
      const outside = distanceOutsideM(p, toArea(jeongja));
      if (polygonsContain(p, sunaePolygons) && outside > 10 && outside < 30) inSunae = p;
    }
    expect(inSunae).toBeDefined();
    const outsideJeongja = distanceOutsideM(inSunae!, toArea(jeongja));
    expect(distanceM(inSunae!, onBorder)).toBeLessThanOrEqual(30.01);

    // In Sunae 1-dong, any accuracy verifies there.
    expect(check(sunae, fixAt(inSunae!, 5)).ok).toBe(true);
    // For Jeongja-dong, only a reading whose accuracy reaches back over the border does.
    expect(check(jeongja, fixAt(inSunae!, Math.ceil(outsideJeongja) + 1)).ok).toBe(true);
    expect(check(jeongja, fixAt(inSunae!, Math.floor(outsideJeongja) - 1))).toMatchObject({ ok: false, code: 'location.too_far' });
  });
});
