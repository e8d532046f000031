// The time to the minute, for the "3 minutes ago" a screen shows: it moves once a minute while the
// component that made it is on screen. Call while a component initialises.
export function minuteClock(): { readonly now: number } {
  let now = $state(Date.now());
  $effect(() => {
    const tick = setInterval(() => (now = Date.now()), 60_000);
    return () => clearInterval(tick);
  });
  return {
    get now() {
      return now;
    },
  };
}
