// The devices this instance holds open, by the topics each follows. News from the change bus
// becomes a poke to each device following one of its topics, at most one every POKE_GAP_MS per
// device: a burst of changes costs the device one pull, not one per change.
import { EVERYONE, type ChangeBus, type ChangeNews, type ChangeTopic } from './change-bus.js';

export const POKE_GAP_MS = 200;

export interface LiveDevice {
  topics: readonly ChangeTopic[];
  /** The device's sync id, so its own pushes do not poke it back. */
  clientId?: string;
  /** Where it connects from (as rate limits count addresses), to cap the channels one address holds. */
  address?: string;
  poke(): void;
}

interface Follower {
  device: LiveDevice;
  lastPokeAt: number;
  pending: ReturnType<typeof setTimeout> | undefined;
}

export function createLiveHub(bus: ChangeBus, { gapMs = POKE_GAP_MS, now = Date.now }: { gapMs?: number; now?: () => number } = {}) {
  const byTopic = new Map<string, Set<Follower>>();
  const everyone = new Set<Follower>();
  const perAddress = new Map<string, number>();

  function poke(follower: Follower) {
    if (follower.pending) return;
    const wait = follower.lastPokeAt + gapMs - now();
    const send = () => {
      follower.pending = undefined;
      follower.lastPokeAt = now();
      follower.device.poke();
    };
    if (wait <= 0) send();
    else follower.pending = setTimeout(send, wait);
  }

  function onNews(news: ChangeNews | typeof EVERYONE) {
    if (news === EVERYONE) {
      for (const follower of everyone) poke(follower);
      return;
    }
    const reached = new Set<Follower>();
    for (const topic of news.topics) {
      for (const follower of byTopic.get(topic) ?? []) reached.add(follower);
    }
    for (const follower of reached) {
      if (news.fromClientId && follower.device.clientId === news.fromClientId) continue;
      poke(follower);
    }
  }
  const unsubscribe = bus.subscribe(onNews);

  return {
    /** Starts poking the device on news for its topics; the returned function stops it. */
    follow(device: LiveDevice): () => void {
      const follower: Follower = { device, lastPokeAt: 0, pending: undefined };
      everyone.add(follower);
      const { address } = device;
      if (address) perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      for (const topic of device.topics) {
        let set = byTopic.get(topic);
        if (!set) byTopic.set(topic, (set = new Set()));
        set.add(follower);
      }
      return () => {
        clearTimeout(follower.pending);
        if (!everyone.delete(follower)) return;
        if (address) {
          const left = perAddress.get(address)! - 1;
          if (left > 0) perAddress.set(address, left);
          else perAddress.delete(address);
        }
        for (const topic of device.topics) {
          const set = byTopic.get(topic);
          set?.delete(follower);
          if (set?.size === 0) byTopic.delete(topic);
        }
      };
    },
    get deviceCount() {
      return everyone.size;
    },
    /** Channels open on this instance from one address. */
    openFrom(address: string): number {
      return perAddress.get(address) ?? 0;
    },
    close() {
      unsubscribe();
      for (const follower of everyone) clearTimeout(follower.pending);
      everyone.clear();
      byTopic.clear();
      perAddress.clear();
    },
  };
}
export type LiveHub = ReturnType<typeof createLiveHub>;
