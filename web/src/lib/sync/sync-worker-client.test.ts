import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncAnswer, SyncAsk } from './sync-worker-protocol.js';

/** A stand-in for the browser's Worker: answers each ask with what the test says. */
class FakeWorker extends EventTarget {
  static started: FakeWorker[] = [];
  static answer: (id: number) => SyncAnswer;
  terminated = false;
  constructor() {
    super();
    FakeWorker.started.push(this);
  }
  postMessage({ id }: SyncAsk) {
    queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data: FakeWorker.answer(id) })));
  }
  terminate() {
    this.terminated = true;
  }
}

async function freshClient() {
  vi.resetModules();
  return import('./sync-worker-client.js');
}

beforeEach(() => {
  FakeWorker.started = [];
  vi.stubGlobal('Worker', FakeWorker);
});
afterEach(() => vi.unstubAllGlobals());

describe('the page side of the sync worker', () => {
  it('keeps one worker for every cycle while its cycles end, well or not', async () => {
    const { runSync } = await freshClient();
    FakeWorker.answer = (id) => ({ id, ok: true, pushed: 1, pulled: 2 });
    await expect(runSync()).resolves.toEqual({ pushed: 1, pulled: 2 });
    FakeWorker.answer = (id) => ({ id, ok: false, kind: 'offline', message: 'No connection.' });
    await expect(runSync()).rejects.toMatchObject({ kind: 'offline' });
    FakeWorker.answer = (id) => ({ id, ok: true, pushed: 0, pulled: 0 });
    await runSync();
    expect(FakeWorker.started).toHaveLength(1);
  });

  it('replaces a worker that could not load part of its code, which would fail every later cycle', async () => {
    const { runSync } = await freshClient();
    FakeWorker.answer = (id) => ({ id, ok: false, kind: 'other', message: 'Failed to fetch dynamically imported module', retire: true });
    await expect(runSync()).rejects.toThrow('Failed to fetch dynamically imported module');
    expect(FakeWorker.started[0].terminated).toBe(true);

    FakeWorker.answer = (id) => ({ id, ok: true, pushed: 0, pulled: 3 });
    await expect(runSync()).resolves.toEqual({ pushed: 0, pulled: 3 });
    expect(FakeWorker.started).toHaveLength(2);
  });
});
