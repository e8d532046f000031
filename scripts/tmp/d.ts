import { distanceOutsideM, formatDistance } from '@dongne/shared';
import { readKoreaDongs } from '../../server/src/services/korea-dongs.js';
import { legacyPlaces } from '../../server/src/services/neighbourhood-setup.js';
import { toArea } from '../../server/src/store/contract/neighbourhoods.js';
const rows = new Map(readKoreaDongs().rows.map(r=>[r.id,r]));
const L = new Map(legacyPlaces().map(p=>[p.id,p]));
const sunae = L.get('kr-bundang-sunae')!; const away = { lat: sunae.lat + 3.7/111.195, lng: sunae.lng };
console.log('away from sunae1', formatDistance(distanceOutsideM(away, toArea(rows.get('kr-3102353')!))));
const j = L.get('kr-bundang-jeongja')!;
console.log('jeongja centre from pangyo', formatDistance(distanceOutsideM(j, toArea(rows.get('kr-3102375')!))));
for (const id of ['kr-bundang-pangyo','kr-bundang-sunae','kr-mapo-mangwon','kr-haeundae-u','kr-bundang-jeongja']) { const p=L.get(id)!; console.log(id, formatDistance(distanceOutsideM(p, toArea(rows.get(p.dongId)!))), 'inside'); }
