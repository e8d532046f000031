// The Debian packages the tests need beside Node: found, installed (as root on Debian, through apt),
// or named at once so a person knows exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

/** Each package and how to tell it is there. */
const PACKAGES = {
  // Playwright drives Debian's Chromium: it cannot download its own browser here.
  chromium: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'),
  // Korean text in screenshots and journeys renders as boxes without a CJK font.
  'fonts-noto-cjk': () => isInstalled('fonts-noto-cjk'),
  // The server tests run on PostgreSQL too, on a cluster of their own (initdb, pg_ctl).
  postgresql: () => existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)),
};

function isInstalled(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('install ok installed');
  } catch {
    return false;
  }
}

/** Installs what is missing, or stops naming it. Returns quietly when everything is there. */
export function ensureSystemPackages() {
  const missing = Object.entries(PACKAGES)
    .filter(([, present]) => !present())
    .map(([name]) => name);
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`The tests need these Debian packages: ${missing.join(' ')}\nInstall them with:  sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`apt-get ${args[0]} failed; install these by hand: ${missing.join(' ')}`);
      process.exit(1);
    }
  }
}
