import { polygonsContain } from '@dongne/shared';
import { readKoreaDongs } from '../../server/src/services/korea-dongs.js';
import { legacyPlaces } from '../../server/src/services/neighbourhood-setup.js';
const rows = new Map(readKoreaDongs().rows.map(r=>[r.id,r]));
for (const p of legacyPlaces()) { const r = rows.get(p.dongId)!; console.log(p.id, p.dongId, r.nameEn, polygonsContain(r, JSON.parse(r.boundary!))); }
