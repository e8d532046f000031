// Install and update prompts. The browser's own service worker API registers the worker and tells
// us when a new version is waiting (workbox-window did this for 2 KB of the first visit's
// JavaScript); beforeinstallprompt tells us the app can be installed.

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

export const pwa = $state({
  updateAvailable: false,
  canInstall: false,
  standalone: false,
});

let registration: ServiceWorkerRegistration | undefined;
let installPrompt: InstallPromptEvent | undefined;

/**
 * A worker that finished installing while another controls the page is a new version, waiting
 * for the person to choose to reload (the service worker never skips waiting by itself). The very
 * first install has no controller: nothing to update from.
 */
function watchInstall(worker: ServiceWorker | null) {
  if (!worker) return;
  const check = () => {
    if (worker.state === 'installed' && navigator.serviceWorker.controller) pwa.updateAvailable = true;
  };
  check();
  worker.addEventListener('statechange', check);
}

async function register() {
  registration = await navigator.serviceWorker.register('/service-worker.js');
  if (registration.waiting && navigator.serviceWorker.controller) pwa.updateAvailable = true;
  watchInstall(registration.installing);
  registration.addEventListener('updatefound', () => watchInstall(registration!.installing));
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
    if (document.visibilityState === 'visible') void registration?.update().catch(() => {});
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
  const waiting = registration?.waiting;
  if (!waiting) return location.reload();
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  waiting.postMessage({ type: 'SKIP_WAITING' });
}
