// Which screen the person has in front of them, asked of the page itself when a push arrives: a
// window client's url is where the page was loaded, and stays there while the app moves between
// screens in the page (Chromium does not follow history.pushState), so only the page can say.

const QUESTION = 'dongne:screen-in-front?';
/** A page that does not answer in time (busy, or from an older version) is judged by its url. */
const ANSWER_BOUND_MS = 1_000;

/** The page's side, started once: answers the service worker with the path it shows. */
export function answerScreenQuestions(): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => {};
  const answer = (event: MessageEvent) => {
    if (event.data?.type === QUESTION) event.ports[0]?.postMessage({ path: location.pathname });
  };
  navigator.serviceWorker.addEventListener('message', answer);
  return () => navigator.serviceWorker.removeEventListener('message', answer);
}

/** The service worker's side: the paths of the app's windows the person is looking at (focused and visible). */
export async function screensInFront(windows: readonly WindowClient[]): Promise<string[]> {
  return Promise.all(windows.filter((window) => window.focused && window.visibilityState === 'visible').map(askPath));
}

function askPath(window: WindowClient): Promise<string> {
  return new Promise((answered) => {
    const channel = new MessageChannel();
    const fallback = setTimeout(() => answered(new URL(window.url).pathname), ANSWER_BOUND_MS);
    channel.port1.onmessage = (event: MessageEvent<{ path?: unknown }>) => {
      clearTimeout(fallback);
      answered(typeof event.data?.path === 'string' ? event.data.path : new URL(window.url).pathname);
      channel.port1.close();
    };
    window.postMessage({ type: QUESTION }, [channel.port2]);
  });
}
