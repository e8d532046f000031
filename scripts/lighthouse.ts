// `npm run lighthouse`: Lighthouse on the feed, a listing and a search in English and Korean (see
// bench-lighthouse.ts); prints the table and exits non-zero if any screen is below the aim.
// `npm run lighthouse -- --runs=1` for a quicker, noisier look; `--reports=DIR` keeps every report;
// `--screen=listing` (repeatable) runs only the screens named.
import { parseArgs } from 'node:util';
import { lighthouseLines, measureScreens, meetsAim, RUNS, SCREENS } from './bench-lighthouse.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: String(RUNS) }, reports: { type: 'string' }, screen: { type: 'string', multiple: true } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, not ${values.runs}`);
const unknown = (values.screen ?? []).filter((name) => !SCREENS.includes(name));
if (unknown.length) throw new Error(`--screen must be one of ${SCREENS.join(', ')}, not ${unknown.join(', ')}`);
const results = await measureScreens({ runs, reportsDir: values.reports, only: values.screen });
console.log(lighthouseLines(results, runs));
if (!results.every(meetsAim)) process.exitCode = 1;
