import { mkdtempSync } from 'node:fs'; import { tmpdir } from 'node:os'; import { join } from 'node:path';
import { ensureDemoNeighbourhoods } from '../../server/src/services/neighbourhood-setup.js';
import { openSqliteStore } from '../../server/src/store/sqlite/sqlite-store.js';
for (let i=0;i<4;i++){ const s=openSqliteStore(join(mkdtempSync(join(tmpdir(),'x')),'a.sqlite')); let t=performance.now(); const n=await ensureDemoNeighbourhoods(s); console.log(n, Math.round(performance.now()-t),'ms', s.db.prepare('select count(*) from neighbourhood_neighbours').pluck().get()); await s.close(); }
