import { describe, expect, it, vi } from 'vitest';
import { noteUseAndMaybePersist, type PersistenceDeps } from './storage-persistence.js';

const DAY = 24 * 3600_000;
const start = new Date(2026, 10, 1, 9).getTime();

function device({ persisted = false, standalone = false } = {}) {
  const values = new Map<string, string>();
  const manager = { persist: vi.fn(async () => true), persisted: vi.fn(async () => persisted) };
  const storage = { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
  const at = (now: number, more: Partial<PersistenceDeps> = {}): PersistenceDeps => ({ storage, manager, standalone, now, ...more });
  return { manager, at };
}

describe('asking for persistent storage', () => {
  it('asks on the third distinct day of use, once', async () => {
    const { manager, at } = device();
    expect(await noteUseAndMaybePersist(at(start))).toBe(false);
    expect(await noteUseAndMaybePersist(at(start + 3600_000))).toBe(false); // same day
    expect(await noteUseAndMaybePersist(at(start + DAY))).toBe(false);
    expect(manager.persist).not.toHaveBeenCalled();
    expect(await noteUseAndMaybePersist(at(start + 5 * DAY))).toBe(true);
    expect(await noteUseAndMaybePersist(at(start + 6 * DAY))).toBe(false);
    expect(manager.persist).toHaveBeenCalledTimes(1);
  });

  it('asks at once when the app is installed', async () => {
    const { manager, at } = device({ standalone: true });
    expect(await noteUseAndMaybePersist(at(start))).toBe(true);
    expect(manager.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask when storage is already persistent, nor where the browser cannot', async () => {
    const { manager, at } = device({ standalone: true, persisted: true });
    expect(await noteUseAndMaybePersist(at(start))).toBe(false);
    expect(manager.persist).not.toHaveBeenCalled();
    expect(await noteUseAndMaybePersist(device({ standalone: true }).at(start, { manager: undefined }))).toBe(false);
  });
});
