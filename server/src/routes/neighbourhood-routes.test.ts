// The neighbourhood endpoints over the real dongs of the demo's districts (Bundang-gu, Mapo-gu,
// Gangnam-gu, Songpa-gu, Haeundae-gu): search by name, locate a position, one place with its neighbour
// sets; and the refusals a client can provoke.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  apiErrorSchema,
  distanceM,
  locateResponseSchema,
  neighbourhoodDetailSchema,
  neighbourhoodSchema,
  RANGE_LEVELS,
  type LocateResponse,
  type Neighbourhood,
  type NeighbourhoodDetail,
} from '@dongne/shared';
import { offset } from '../testing/fixes.js';
import { createTestServer, type TestServer } from '../testing/harness.js';

let server: TestServer;
beforeEach(async () => {
  server = await createTestServer();
});
afterEach(() => server.close());

async function getJson<T>(path: string, status = 200): Promise<T> {
  const response = await server.app.request(path);
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return JSON.parse(text) as T;
}

async function refused(path: string, status: number, code: string) {
  const body = await getJson<{ error: { code: string; message: string; issues?: { path: string; message: string }[] } }>(path, status);
  expect(apiErrorSchema.safeParse(body).success).toBe(true);
  expect(body.error.code).toBe(code);
  expect(server.logged).toEqual([]);
  return body.error;
}

const search = async (q: string) => (await getJson<{ neighbourhoods: Neighbourhood[] }>(`/api/neighbourhoods?q=${encodeURIComponent(q)}`)).neighbourhoods;
const centre = async (id: string) => (await server.store.neighbourhoods.byId(id))!;

describe('GET /api/neighbourhoods?q= (search by name)', () => {
  it('finds a neighbourhood by part of its English name, in any case, as exactly the shared shape', async () => {
    const found = await search('PANGYO');
    const pangyo = await centre('kr-3102375');
    expect(found).toEqual([
      {
        id: 'kr-3102375',
        nameEn: 'Pangyo-dong',
        nameKo: '판교동',
        regionEn: 'Bundang-gu, Seongnam-si',
        regionKo: '성남시 분당구',
        country: 'KR',
        lat: pangyo.lat,
        lng: pangyo.lng,
      },
    ]);
    // No boundary, radius or bounding box: only what a client needs.
    expect(neighbourhoodSchema.parse(found[0])).toEqual(found[0]);
  });

  it('finds a neighbourhood by its Korean name', async () => {
    expect((await search('수내')).map((n) => n.nameKo)).toEqual(['수내1동', '수내2동', '수내3동']);
  });

  it('lists names that start with the words first, then names that contain them, alphabetically', async () => {
    const names = (await search('yeon')).map((n) => n.nameEn);
    const starting = names.filter((n) => n.toLowerCase().startsWith('yeon'));
    expect(starting).toContain('Yeonnam-dong');
    expect(names).toEqual([...starting, ...names.slice(starting.length)]);
    expect(names.slice(starting.length)).toContain('Baekhyeon-dong');
    expect(starting).toEqual([...starting].sort());
    expect(names.slice(starting.length)).toEqual([...names.slice(starting.length)].sort());
  });

  it('treats % and _ as letters, not wildcards', async () => {
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    expect(await search('p%o')).toEqual([]);
  });

  it('answers an empty list when nothing matches, and at most 20 for an empty query', async () => {
    expect(await search('Atlantis')).toEqual([]);
    expect(await server.store.neighbourhoods.count()).toBeGreaterThan(20);
    expect(await search('   ')).toHaveLength(20);
    expect(await getJson<{ neighbourhoods: unknown[] }>('/api/neighbourhoods')).toEqual({ neighbourhoods: expect.any(Array) });
  });

  it('refuses a query longer than 60 characters (400 request.invalid)', async () => {
    const error = await refused(`/api/neighbourhoods?q=${'a'.repeat(61)}`, 400, 'request.invalid');
    expect(error.issues).toContainEqual({ path: 'q', message: 'Search with at most 60 characters' });
  });
});

describe('GET /api/neighbourhoods/locate (by position)', () => {
  const locate = (lat: number | string, lng: number | string) => getJson<LocateResponse>(`/api/neighbourhoods/locate?lat=${lat}&lng=${lng}`);

  it('finds the neighbourhood a position is inside', async () => {
    const found = await locate(37.374, 127.119);
    expect(locateResponseSchema.parse(found)).toEqual(found);
    expect(found).toEqual({
      neighbourhood: expect.objectContaining({ id: 'kr-3102353', nameEn: 'Sunae 1-dong', nameKo: '수내1동', regionKo: '성남시 분당구' }),
      contains: true,
      distanceM: 0,
    });
  });

  it('offers the nearest one, and how far outside it is, for a position in none', async () => {
    // Out at sea, 3 km south of Haeundae beach: the nearest dong is the beach's, U 1-dong.
    const found = await locate(35.131, 129.16);
    expect(found.neighbourhood.id).toBe('kr-2109073');
    expect(found.contains).toBe(false);
    expect(found.distanceM).toBeGreaterThan(1_000);
    expect(found.distanceM).toBeLessThan(5_000);
  });

  it('answers 404 neighbourhood.none_nearby when nothing is within 50 km', async () => {
    // Jeju, 280 km from Busan.
    const error = await refused('/api/neighbourhoods/locate?lat=33.4996&lng=126.5312', 404, 'neighbourhood.none_nearby');
    expect(error.message).toBe('Dongne has no neighbourhood near this location yet.');
  });

  it.each([
    ['lat is not a number', 'lat=abc&lng=127.1', 'lat'],
    ['lat is beyond the pole', 'lat=91&lng=127.1', 'lat'],
    ['lng is beyond the antimeridian', 'lat=37.4&lng=180.5', 'lng'],
    ['lat is in exponent form', 'lat=3.7e1&lng=127.1', 'lat'],
    ['lng is missing', 'lat=37.4', 'lng'],
    ['lat is empty', 'lat=&lng=127.1', 'lat'],
  ])('answers 400 request.invalid when %s', async (_, query, path) => {
    const error = await refused(`/api/neighbourhoods/locate?${query}`, 400, 'request.invalid');
    expect(error.issues?.map((i) => i.path)).toContain(path);
  });
});

describe('GET /api/neighbourhoods/:id (one place and its neighbours)', () => {
  it('gives the place with its neighbours at every range level, nearest first', async () => {
    const detail = await getJson<NeighbourhoodDetail>('/api/neighbourhoods/kr-3102375');
    expect(neighbourhoodDetailSchema.parse(detail)).toEqual(detail);
    expect(detail).toMatchObject({ id: 'kr-3102375', nameEn: 'Pangyo-dong', nameKo: '판교동', country: 'KR', regionEn: 'Bundang-gu, Seongnam-si' });
    expect(Object.keys(detail.neighbours)).toEqual(['1', '2', '3', '4']);
    expect(detail.neighbours['1']).toEqual(['kr-3102375']);
    // Level 2 is Pangyo-dong and the dongs across its borders: Unjung, Baekhyeon, Sampyeong… not a circle.
    const names = await Promise.all(detail.neighbours['2'].map(async (id) => (await centre(id)).nameKo));
    expect(names).toEqual(expect.arrayContaining(['판교동', '운중동', '백현동', '삼평동']));
    expect(names).not.toContain('수내1동');
    expect(detail.neighbours['3'].length).toBeGreaterThan(detail.neighbours['2'].length);

    const pangyo = await centre('kr-3102375');
    for (const { level } of RANGE_LEVELS.slice(1)) {
      const ids = detail.neighbours[String(level)];
      const distances: number[] = [];
      for (const id of ids) distances.push(distanceM(await centre(id), pangyo));
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      // Levels are cumulative.
      expect(ids).toEqual(expect.arrayContaining(detail.neighbours[String(level - 1)]));
    }
  });

  it('gives the boundary, so a device can tell offline whether a reading is outside it', async () => {
    const pangyo = await getJson<NeighbourhoodDetail>('/api/neighbourhoods/kr-3102375');
    const row = (await server.store.neighbourhoods.byId('kr-3102375'))!;
    expect(pangyo.radiusM).toBe(row.radiusM);
    expect(pangyo.polygons).toEqual(row.boundary === null ? null : JSON.parse(row.boundary));
    expect(pangyo.radiusM !== null || pangyo.polygons !== null).toBe(true);
  });

  it('keeps Seoul and Busan to themselves at every level', async () => {
    const busan = await getJson<NeighbourhoodDetail>('/api/neighbourhoods/kr-2109073');
    expect(busan.neighbours['4'].every((id) => id.startsWith('kr-21'))).toBe(true);
    const mangwon = await getJson<NeighbourhoodDetail>('/api/neighbourhoods/kr-1114069');
    expect(mangwon.neighbours['4'].every((id) => id.startsWith('kr-11'))).toBe(true);
  });

  it('answers an id a device held before the dongs came with the dong that replaced it, under the dong’s id', async () => {
    const old = await getJson<NeighbourhoodDetail>('/api/neighbourhoods/kr-bundang-sunae');
    expect(old).toEqual(await getJson<NeighbourhoodDetail>('/api/neighbourhoods/kr-3102353'));
    expect(old.id).toBe('kr-3102353');
  });

  it('answers 404 neighbourhood.unknown for an id Dongne does not know, naming it safely, and 400 for one no id could be', async () => {
    const error = await refused('/api/neighbourhoods/kr-atlantis', 404, 'neighbourhood.unknown');
    expect(error.message).toBe('No neighbourhood with id "kr-atlantis".');
    const long = await refused(`/api/neighbourhoods/${'x'.repeat(500)}`, 400, 'request.invalid');
    expect(long.message.length).toBeLessThan(150);
    await refused(`/api/neighbourhoods/${encodeURIComponent("'; DROP TABLE neighbourhoods; --")}`, 404, 'neighbourhood.unknown');
    expect(await server.store.neighbourhoods.count()).toBeGreaterThan(0);
  });
});
