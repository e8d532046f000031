// Install and update prompts: workbox-window registers the service worker and tells us when a new
// version is waiting; the browser's beforeinstallprompt tells us the app can be installed.
// A first visit has no version to update from: it registers the worker with the browser's own call,
// and loads workbox-window only once that worker controls the page (from its cache, not the network).
import type { Workbox } from 'workbox-window';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export const pwa = $state({
  updateAvailable: false,
  canInstall: false,
  standalone: false,
});

let workbox: Workbox | undefined;
let installPrompt: InstallPromptEvent | undefined;

async function register() {
  if (!navigator.serviceWorker.controller) {
    await navigator.serviceWorker.register('/service-worker.js');
    // The worker claims the page once installed; from then on workbox-window comes from its cache
    // and watches for the next version, so a first visit left open still hears of updates.
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  }
  const { Workbox } = await import('workbox-window');
  workbox = new Workbox('/service-worker.js');
  // A new version finished installing and waits for the person to choose to reload.
  workbox.addEventListener('waiting', () => {
    pwa.updateAvailable = true;
  });
  await workbox.register();
}

export function startPwa(): () => void {
  const standaloneQuery = window.matchMedia('(display-mode: standalone)');
  const onDisplayMode = () => {
    pwa.standalone = standaloneQuery.matches || (navigator as Navigator & { standalone?: boolean }).standalone === true;
    if (pwa.standalone) pwa.canInstall = false;
  };
  onDisplayMode();
  standaloneQuery.addEventListener('change', onDisplayMode);

  const onBeforeInstall = (event: Event) => {
    // Keep the browser's mini-infobar away; our own button offers the install instead.
    event.preventDefault();
    installPrompt = event as InstallPromptEvent;
    pwa.canInstall = !pwa.standalone;
  };
  const onInstalled = () => {
    installPrompt = undefined;
    pwa.canInstall = false;
  };
  window.addEventListener('beforeinstallprompt', onBeforeInstall);
  window.addEventListener('appinstalled', onInstalled);

  // Registered once the page has loaded, so the worker's precaching does not compete with the
  // first screen for the connection.
  const onLoad = () => void register().catch(() => {});
  if ('serviceWorker' in navigator) {
    if (document.readyState === 'complete') onLoad();
    else window.addEventListener('load', onLoad, { once: true });
  }
  const checkForUpdate = () => {
    if (document.visibilityState === 'visible') void workbox?.update().catch(() => {});
  };
  document.addEventListener('visibilitychange', checkForUpdate);
  const hourly = setInterval(checkForUpdate, 60 * 60 * 1000);

  return () => {
    standaloneQuery.removeEventListener('change', onDisplayMode);
    window.removeEventListener('beforeinstallprompt', onBeforeInstall);
    window.removeEventListener('appinstalled', onInstalled);
    window.removeEventListener('load', onLoad);
    document.removeEventListener('visibilitychange', checkForUpdate);
    clearInterval(hourly);
  };
}

export async function install(): Promise<void> {
  if (!installPrompt) return;
  const event = installPrompt;
  installPrompt = undefined;
  pwa.canInstall = false;
  await event.prompt();
  const { outcome } = await event.userChoice;
  if (outcome === 'dismissed') pwa.canInstall = false;
}

/** Activates the waiting version and reloads into it once it controls the page. */
export function reloadIntoUpdate(): void {
  if (!workbox) return location.reload();
  workbox.addEventListener('controlling', () => location.reload());
  workbox.messageSkipWaiting();
}
