// The signal a user action gives the sync scheduler ("something changed here, push soon"), kept apart
// from the outbox so that a screen that only signals (the feed's range) does not load the outbox,
// its local apply and every mutation's schema on a first visit.
type Listener = () => void;
const listeners = new Set<Listener>();

/** The sync engine listens here to push shortly after each local mutation. */
export function onLocalMutation(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifyLocalMutation() {
  for (const listener of listeners) listener();
}
