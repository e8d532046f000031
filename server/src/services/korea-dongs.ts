// Every administrative dong (행정동) of South Korea from Statistics Korea's 2018 boundaries, as
// neighbourhood rows, with who borders whom read from the TopoJSON itself: two dongs that share an arc
// share a border, so no polygon has to be compared with another.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { feature, neighbors } from 'topojson-client';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';
import type { MultiPolygonCoords } from '@dongne/shared';
import type { NeighbourhoodRow } from '../store/contract/neighbourhoods.js';
import { regionOfCode } from './korea-regions.js';
import { polygonArea } from './neighbourhood-import.js';

/** Boundaries: Statistics Korea (통계청) SGIS, 2018, KOGL Type 1 (see server/data/README.md). */
export const KOREA_DONGS_FILE = fileURLToPath(new URL('../../data/kr-admin-dongs-2018.topo.json', import.meta.url));
const OBJECT = 'skorea_submunicipalities_2018_geo';

/** How many dongs the 2018 boundaries hold. */
export const KOREA_DONG_COUNT = 3_504;

interface DongProperties {
  name: string;
  name_eng: string;
  code: string;
}

export interface KoreaDongs {
  rows: NeighbourhoodRow[];
  /** For each row (by index), the indices of the rows it shares a border with. */
  borders: number[][];
}

/** A dong's neighbourhood id: stable for as long as its administrative code is. */
export const dongId = (code: string) => `kr-${code}`;

/** Whether a neighbourhood id is a dong's (kr- and its 7-digit code), not a place from a file. */
export const isDongId = (id: string) => /^kr-\d{7}$/.test(id);

let topologyCache: { file: string; topology: Topology } | undefined;

/**
 * Reads the dongs (all, or only those whose code starts with one of `districts`, for tests that need
 * a town rather than a country). The parsed file is kept, so a second read costs no parse.
 */
export function readKoreaDongs({ file = KOREA_DONGS_FILE, districts }: { file?: string; districts?: string[] } = {}): KoreaDongs {
  if (topologyCache?.file !== file) topologyCache = { file, topology: JSON.parse(readFileSync(file, 'utf8')) as Topology };
  const { topology } = topologyCache;
  const all = topology.objects[OBJECT] as GeometryCollection<DongProperties>;
  const geometries = (all.geometries as TopoMultiPolygon<DongProperties>[]).filter(
    (g) => !districts || districts.some((d) => g.properties!.code.startsWith(d)),
  );
  const rows = geometries.map((geometry) => {
    const { properties, geometry: shape } = feature(topology, geometry);
    return dongRow(properties, shape.coordinates as MultiPolygonCoords);
  });
  return { rows, borders: neighbors(geometries) };
}

function dongRow(props: DongProperties, coordinates: MultiPolygonCoords): NeighbourhoodRow {
  // A tenth of a metre is far inside GPS error, and rounding each position the same way keeps the
  // two sides of a shared border identical; it also halves the text stored.
  const polygons = coordinates.map((polygon) => polygon.map((ring) => ring.map(([lng, lat]) => [round6(lng), round6(lat)] as [number, number])));
  const region = regionOfCode(props.code);
  return {
    id: dongId(props.code),
    nameEn: englishName(props.name_eng),
    nameKo: props.name,
    regionEn: region?.en ?? null,
    regionKo: region?.ko ?? null,
    country: 'KR',
    ...polygonArea(polygons),
  };
}

/**
 * "Jeongja 1(il)-dong" reads "Jeongja 1-dong", "Sunae1-dong" "Sunae 1-dong" and "yangsan-dong"
 * "Yangsan-dong": the source spells each number's Korean reading in brackets, and is not consistent
 * about spaces or capitals.
 */
export function englishName(name: string): string {
  return name
    .replace(/\s*\([a-z]+\)/g, '')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[a-z]/, (first) => first.toUpperCase());
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
