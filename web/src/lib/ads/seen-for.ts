// When an ad counts as seen: at least half of its card visible, for a second without a break, while
// the page is in front. Fires once per card showing; a card scrolled past quickly never counts.
import { AD_LIMITS } from '@dongne/shared';

/** A Svelte action: calls `onSeen` once the node has been seen, as the ad rules define it. */
export function seenFor(node: HTMLElement, onSeen: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let visible = false;
  let done = false;
  const stop = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const start = () => {
    if (done || timer || !visible || document.visibilityState !== 'visible') return;
    timer = setTimeout(() => {
      done = true;
      observer.disconnect();
      onSeen();
    }, AD_LIMITS.impressionVisibleMs);
  };
  const observer = new IntersectionObserver(
    ([entry]) => {
      visible = entry.isIntersecting && entry.intersectionRatio >= AD_LIMITS.impressionVisibleRatio;
      if (visible) start();
      else stop();
    },
    { threshold: [0, AD_LIMITS.impressionVisibleRatio, 1] },
  );
  // A page sent to the background (another app, another tab) is not seen: the second starts again.
  const onVisibility = () => (document.visibilityState === 'visible' ? start() : stop());
  observer.observe(node);
  document.addEventListener('visibilitychange', onVisibility);
  return {
    destroy() {
      stop();
      observer.disconnect();
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
