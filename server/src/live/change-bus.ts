// Tells every server instance that something changed for a topic, so each can poke the devices it
// holds open. An announcement names topics, never what changed: devices learn that by pulling.
// One instance passes announcements in memory; several share PostgreSQL's LISTEN/NOTIFY
// (postgres-change-bus.ts).

/** An area (a neighbourhood whose listings changed) or an account (its drafts or own listings). */
export type ChangeTopic = `area:${string}` | `account:${string}`;

export interface ChangeNews {
  topics: readonly ChangeTopic[];
  /** The device whose push made the change: it has the change already and needs no poke. */
  fromClientId?: string;
}

/** Announcements may have been lost (the bus reconnected): every device should pull. */
export const EVERYONE = 'everyone';

export type ChangeListener = (news: ChangeNews | typeof EVERYONE) => void;

export interface ChangeBus {
  /** Announces committed changes to every instance, this one included. Never throws: a lost poke is caught by the poll. */
  publish(news: ChangeNews): Promise<void>;
  subscribe(listener: ChangeListener): () => void;
  close(): Promise<void>;
}

/** The bus of a single instance: announcements go straight to this process's listeners. */
export function createLocalChangeBus(): ChangeBus {
  const listeners = new Set<ChangeListener>();
  return {
    async publish(news) {
      if (news.topics.length === 0) return;
      for (const listener of listeners) listener(news);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}
