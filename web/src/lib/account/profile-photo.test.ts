// Profiles remembered in the replica, against the real server: what a neighbour's profile leaves
// for offline screens, and that an answer which lands late cannot bring back an older photo.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../api/api-client.js';
import { currentOwner } from '../db/meta.js';
import { useTestServer } from '../sync/test-device.js';
import { fetchProfile, sendProfilePhoto } from './profile-photo.js';

const device = useTestServer();
const PNG = new Blob([readFileSync(new URL('../../../static/icons/icon-192.png', import.meta.url))], { type: 'image/png' });

/** A client whose JSON answers are read by the server at once but handed over only when `release` is called. */
function heldAnswers(client: ApiClient): { client: ApiClient; release(): void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    client: { ...client, json: async (path, schema, init) => {
      const answer = await client.json(path, schema, init);
      await released;
      return answer;
    } },
    release,
  };
}

/** A seller and a buyer, each signed up on a device of their own. */
async function sellerAndBuyer(nickname: string) {
  const seller = device('seller');
  const buyer = device('buyer');
  expect(await seller.signUp(nickname)).toEqual({ ok: true });
  expect(await buyer.signUp()).toEqual({ ok: true });
  return { buyer, sellerId: await currentOwner(seller.db) };
}

describe('profiles in the replica', () => {
  it('remembers a neighbour’s profile, so the listing page and the chat can show it offline', async () => {
    const { buyer, sellerId } = await sellerAndBuyer('pangyo_seller');

    const profile = await fetchProfile(sellerId, buyer.db, buyer.api);

    expect(profile).toMatchObject({ actorId: sellerId, nickname: 'pangyo_seller', photoUrl: null });
    expect(await buyer.db.people.get(sellerId)).toMatchObject({ nickname: 'pangyo_seller', mannerTemperature: profile?.mannerTemperature, photoUrl: null });
  });

  it('remembers the photo just uploaded, and a profile asked for before it cannot bring the old one back', async () => {
    const me = device('me');
    expect(await me.signUp()).toEqual({ ok: true });
    const myId = await currentOwner(me.db);
    const held = heldAnswers(me.api);
    // Asked for (and answered by the server) before the upload; it reaches the page after it.
    const early = fetchProfile(myId, me.db, held.client);
    await expect.poll(() => me.requests.filter((r) => r === `GET /api/profiles/${myId}`).length).toBe(1);

    const uploaded = await sendProfilePhoto(PNG, me.db, me.api);
    if (!uploaded.ok) throw new Error(uploaded.message);
    expect(uploaded.profile.photoUrl).toMatch(/^\/api\/profiles\//);
    expect((await me.db.people.get(myId))?.photoUrl).toBe(uploaded.profile.photoUrl);

    held.release();
    expect((await early)?.photoUrl).toBeNull();
    expect((await me.db.people.get(myId))?.photoUrl).toBe(uploaded.profile.photoUrl);

    // Asked for afterwards, the server's answer is the newest: it is remembered.
    expect((await fetchProfile(myId, me.db, me.api))?.photoUrl).toBe(uploaded.profile.photoUrl);
  });

  it('offline, answers nothing and keeps what it remembered', async () => {
    const { buyer, sellerId } = await sellerAndBuyer('yatap_seller');
    await fetchProfile(sellerId, buyer.db, buyer.api);
    const remembered = await buyer.db.people.get(sellerId);

    buyer.failOn('GET', `/api/profiles/${sellerId}`, 'request-lost');
    expect(await fetchProfile(sellerId, buyer.db, buyer.api)).toBeUndefined();
    expect(await buyer.db.people.get(sellerId)).toEqual(remembered);
  });

  it('says why a photo was refused, and remembers nothing', async () => {
    const me = device('me');
    expect(await me.signUp()).toEqual({ ok: true });
    const notImage = new Blob(['<svg onload=alert(1)>'], { type: 'image/png' });

    expect(await sendProfilePhoto(notImage, me.db, me.api)).toEqual({ ok: false, message: "That file isn't a photo. Choose a JPEG, PNG or WebP image." });
    expect(await me.db.people.get(await currentOwner(me.db))).toBeUndefined();
  });
});
