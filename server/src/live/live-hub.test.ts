import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLocalChangeBus, EVERYONE, type ChangeBus, type ChangeTopic } from './change-bus.js';
import { createLiveHub, POKE_GAP_MS, type LiveHub } from './live-hub.js';

let bus: ChangeBus;
let hub: LiveHub;
let everyoneListener: ((news: typeof EVERYONE) => void) | undefined;

beforeEach(() => {
  vi.useFakeTimers();
  bus = createLocalChangeBus();
  // The local bus never says EVERYONE by itself; a wrapper lets the test say it as a reconnecting bus would.
  const subscribe = bus.subscribe.bind(bus);
  bus.subscribe = (listener) => {
    everyoneListener = listener;
    return subscribe(listener);
  };
  hub = createLiveHub(bus);
});
afterEach(() => {
  hub.close();
  vi.useRealTimers();
});

function follower(topics: ChangeTopic[], clientId?: string) {
  const pokes = { count: 0 };
  const stop = hub.follow({ topics, clientId, poke: () => pokes.count++ });
  return { pokes, stop };
}

describe('live hub', () => {
  it('pokes the devices following a topic of the news, and no one else', async () => {
    const sunae = follower(['area:kr-bundang-sunae', 'area:kr-bundang-jeongja']);
    const haeundae = follower(['area:kr-haeundae-u']);
    await bus.publish({ topics: ['area:kr-bundang-jeongja'] });
    expect(sunae.pokes.count).toBe(1);
    expect(haeundae.pokes.count).toBe(0);
  });

  it('pokes a device once for news naming several of its topics', async () => {
    const device = follower(['area:a', 'area:b', 'account:me']);
    await bus.publish({ topics: ['area:a', 'area:b', 'account:me'] });
    expect(device.pokes.count).toBe(1);
  });

  it('does not poke the device whose own push made the change', async () => {
    const pusher = follower(['account:me'], 'phone');
    const laptop = follower(['account:me'], 'laptop');
    await bus.publish({ topics: ['account:me'], fromClientId: 'phone' });
    expect(pusher.pokes.count).toBe(0);
    expect(laptop.pokes.count).toBe(1);
  });

  it(`folds a burst of news into one more poke, ${POKE_GAP_MS} ms after the first`, async () => {
    const device = follower(['area:a']);
    for (let i = 0; i < 20; i++) await bus.publish({ topics: ['area:a'] });
    expect(device.pokes.count).toBe(1);
    vi.advanceTimersByTime(POKE_GAP_MS - 1);
    expect(device.pokes.count).toBe(1);
    vi.advanceTimersByTime(1);
    expect(device.pokes.count).toBe(2);
    vi.advanceTimersByTime(10 * POKE_GAP_MS);
    expect(device.pokes.count).toBe(2);
  });

  it('pokes every device when the bus may have lost news', async () => {
    const a = follower(['area:a']);
    const b = follower(['account:x']);
    everyoneListener!(EVERYONE);
    expect([a.pokes.count, b.pokes.count]).toEqual([1, 1]);
  });

  it('stops poking a device that left, and forgets it', async () => {
    const device = follower(['area:a']);
    await bus.publish({ topics: ['area:a'] });
    await bus.publish({ topics: ['area:a'] });
    device.stop();
    vi.advanceTimersByTime(POKE_GAP_MS);
    expect(device.pokes.count).toBe(1);
    expect(hub.deviceCount).toBe(0);
  });
});
