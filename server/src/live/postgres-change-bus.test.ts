// The change bus across instances, on a real PostgreSQL: what one instance announces, every
// instance hears; a dropped connection comes back and tells everyone to pull.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { openTestStore, TEST_ENGINE, type OpenedTestStore } from '../testing/test-store.js';
import { EVERYONE, type ChangeBus, type ChangeNews, type ChangeTopic } from './change-bus.js';
import { decodeNews, encodeNews, openPostgresChangeBus } from './postgres-change-bus.js';

describe('change bus payloads', () => {
  it('splits many topics into payloads PostgreSQL accepts, and reads them back whole', () => {
    const topics = Array.from({ length: 2_000 }, (_, i): ChangeTopic => `area:kr-some-neighbourhood-${i}`);
    const payloads = encodeNews({ topics, fromClientId: 'phone' });
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
    const decoded = payloads.map((p) => decodeNews(p)!);
    expect(decoded.flatMap((n) => n.topics)).toEqual(topics);
    expect(decoded.every((n) => n.fromClientId === 'phone')).toBe(true);
  });

  it('ignores payloads no instance sent', () => {
    for (const payload of ['', 'hello', '{"t":"area:x"}', '{"t":[1]}', '{"t":["drop table"]}']) expect(decodeNews(payload)).toBeUndefined();
  });
});

describe.runIf(TEST_ENGINE === 'postgres')('change bus on PostgreSQL', () => {
  let opened: OpenedTestStore;
  const buses: ChangeBus[] = [];
  beforeEach(async () => {
    opened = await openTestStore({ neighbourhoods: 'none' });
  });
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((bus) => bus.close()));
    await opened.close();
  });

  async function bus(log: (line: string) => void = () => {}) {
    const opened_ = await openPostgresChangeBus(opened.url!, log);
    buses.push(opened_);
    return opened_;
  }

  function heard(on: ChangeBus) {
    const news: (ChangeNews | typeof EVERYONE)[] = [];
    const waiters: (() => void)[] = [];
    on.subscribe((n) => {
      news.push(n);
      waiters.splice(0).forEach((w) => w());
    });
    return {
      news,
      async until(count: number) {
        while (news.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      },
    };
  }

  it('delivers what one instance announces to every instance, itself included', async () => {
    const one = await bus();
    const three = await bus();
    const atOne = heard(one);
    const atThree = heard(three);
    await one.publish({ topics: ['area:kr-bundang-sunae', 'account:a1'], fromClientId: 'phone' });
    await atThree.until(1);
    await atOne.until(1);
    expect(atThree.news).toEqual([{ topics: ['area:kr-bundang-sunae', 'account:a1'], fromClientId: 'phone' }]);
    expect(atOne.news).toEqual(atThree.news);
  });

  it('comes back after losing its connection and tells everyone to pull, then delivers again', async () => {
    const lines: string[] = [];
    const listener = await bus((line) => lines.push(line));
    const sender = await bus();
    const atListener = heard(listener);
    const admin = new pg.Client({ connectionString: opened.url });
    await admin.connect();
    try {
      // Cut the listener's connection (both buses are named alike; cut them all and let both return).
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'dongne-change-bus' AND datname = current_database()");
    } finally {
      await admin.end();
    }
    await atListener.until(1);
    expect(atListener.news[0]).toBe(EVERYONE);
    expect(lines.join('\n')).toMatch(/lost the PostgreSQL connection/);
    // The sender may itself still be reconnecting: announce until the listener hears.
    while (atListener.news.length < 2) {
      await sender.publish({ topics: ['area:x'] });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(atListener.news.slice(1).some((n) => n !== EVERYONE && n.topics[0] === 'area:x')).toBe(true);
  });
});
