// Runs every test (vitest unit tests, then the Playwright browser journeys) and ends with one
// summary line CI can read: "N passed, N failed". Exits non-zero if anything failed. First it makes
// sure the Debian packages the tests need are there, then builds the app the journeys drive.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { ensureSystemPackages } from './system-packages.mjs';

const out = '.test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bin = (name) => `node_modules/.bin/${name}`;

const started = Date.now();
const took = (since) => `${((Date.now() - since) / 60_000).toFixed(1)} min`;
/** How long each part took, printed at the end: the whole run must stay well under 15 minutes on 2 cores. */
const timings = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const since = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push(`${label.split(' (')[0].toLowerCase()} ${took(since)}`);
  return result.status ?? 1;
}

ensureSystemPackages();
if (run('Build (the PWA the journeys drive)', 'npm', ['run', 'build']) !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
const unitStatus = run('Unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}/unit.json`]);
const e2eStatus = run('Browser journeys (Playwright + Chromium)', bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_FILE: `${out}/e2e.json`,
});

function read(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}
const unit = read(`${out}/unit.json`);
const e2e = read(`${out}/e2e.json`);
const unitPassed = unit?.numPassedTests ?? 0;
const unitFailed = unit ? unit.numFailedTests : 1;
const e2ePassed = (e2e?.stats.expected ?? 0) + (e2e?.stats.flaky ?? 0);
const e2eFailed = e2e ? e2e.stats.unexpected : 1;
// A runner that crashed before reporting counts as a failure, never as a silent pass.
const crashed = (unitStatus !== 0 && unitFailed === 0 ? 1 : 0) + (e2eStatus !== 0 && e2eFailed === 0 ? 1 : 0);

console.log(`\n${timings.join(' · ')} · in all ${took(started)}`);
console.log(`unit: ${unitPassed} passed, ${unitFailed} failed · browser: ${e2ePassed} passed, ${e2eFailed} failed`);
console.log(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed + crashed} failed`);
process.exit(unitStatus === 0 && e2eStatus === 0 ? 0 : 1);
