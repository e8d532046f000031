// How every Playwright run here launches Chromium: Debian's own build (Playwright cannot download
// one on these machines), without the sandbox (we run as root) or any background traffic.
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};
