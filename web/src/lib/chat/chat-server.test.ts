// Two devices chatting through the real server (in memory, reached through app.request()): what one
// writes offline reaches the other with its next sync, numbered once, with read receipts, offers and
// appointments as both see them, and a refusal that keeps the words.
import { describe, expect, it } from 'vitest';
import { conversationId, type Neighbourhood } from '@dongne/shared';
import { createDraft, publishDraft } from '../db/drafts.js';
import { conversationsNewestFirst, deliveryState, messagesOf, totalUnread } from '../db/chats.js';
import { getMeta } from '../db/meta.js';
import { chooseNeighbourhood, verifyNeighbourhood } from '../db/neighbourhoods.js';
import { setBlocked } from '../trading/block-actions.js';
import { answerOffer, confirmAppointment, completeTradeWith, markRead, proposeAppointment, proposeOffer, reserveFor, sendMessage } from './chat-actions.js';
import { useTestServer, type Device, type TestServer } from '../sync/test-device.js';

let server: TestServer;
const device = useTestServer((fresh) => (server = fresh));
const PANGYO = 'kr-bundang-pangyo';

const placeOf = (id: string): Neighbourhood => {
  const { nameEn, nameKo, country, lat, lng } = server.store.sqlite.neighbourhoods.byId(id)!;
  return { id, nameEn, nameKo, country, lat, lng };
};

/** Someone who lives in Pangyo-dong and has verified it today. */
async function neighbour(name: string): Promise<Device & { id: string }> {
  const d = device(name);
  await d.signUp();
  await chooseNeighbourhood(d.db, placeOf(PANGYO));
  await verifyNeighbourhood(d.db, PANGYO, server.fixAt(PANGYO));
  await d.sync();
  return Object.assign(d, { id: (await getMeta(d.db, 'actorId'))! });
}

/** The seller's rice cooker, published and synced; answers its id. */
async function publishCooker(seller: Device): Promise<string> {
  const draft = await createDraft(seller.db, {
    title: 'Rice cooker',
    price: '30000',
    category: 'household',
    description: '',
    acceptsOffers: true,
    meetingSpot: 'Pangyo station exit 1',
    photos: [],
  });
  const result = await publishDraft(seller.db, draft.id, { neighbourhoodId: PANGYO, fix: server.fixAt(PANGYO) });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  await seller.sync();
  return result.listingId;
}

const lines = async (d: Device, id: string) => (await messagesOf(d.db, id)).map((m) => `${m.n} ${m.kind} ${m.text}`.trim());

describe('chatting through the server', () => {
  it('delivers a message written offline once, numbered, and shows the seller it is unread until read', async () => {
    const seller = await neighbour('seller');
    const buyer = await neighbour('buyer');
    const listingId = await publishCooker(seller);
    await buyer.sync();
    const ref = { listingId, buyerId: buyer.id };
    const id = conversationId(listingId, buyer.id);

    // Offline: it shows at once, waiting.
    await sendMessage(buyer.db, ref, 'Is it still available?');
    expect(await lines(buyer, id)).toEqual(['0 text Is it still available?']);
    await buyer.sync();
    expect(await lines(buyer, id)).toEqual(['1 text Is it still available?']);

    await seller.sync();
    expect(await lines(seller, id)).toEqual(['1 text Is it still available?']);
    const [conversation] = await conversationsNewestFirst(seller.db);
    expect(conversation).toMatchObject({ id, buyer: { id: buyer.id }, seller: { id: seller.id }, listing: { title: 'Rice cooker' }, sellerUnread: 1 });
    expect(await totalUnread(seller.db)).toBe(1);

    // The seller reads it: the badge clears, and the buyer's tick says Read after their next pull.
    const [mine] = await messagesOf(buyer.db, id);
    expect(deliveryState(mine, await buyer.db.conversations.get(id), buyer.id)).toBe('sent');
    await markRead(seller.db, ref, 1);
    expect(await totalUnread(seller.db)).toBe(0);
    await seller.sync();
    await buyer.sync();
    expect(deliveryState(mine, await buyer.db.conversations.get(id), buyer.id)).toBe('read');
    expect(await buyer.db.people.get(seller.id)).toMatchObject({ mannerTemperature: 36.5 });
  });

  it('agrees a price and a time, and the seller sells to the buyer, both seeing each step once', async () => {
    const seller = await neighbour('seller');
    const buyer = await neighbour('buyer');
    const listingId = await publishCooker(seller);
    await buyer.sync();
    const ref = { listingId, buyerId: buyer.id };
    const id = conversationId(listingId, buyer.id);

    await sendMessage(buyer.db, ref, 'Hello!');
    await proposeOffer(buyer.db, ref, 25000);
    await buyer.sync();
    await seller.sync();
    const offer = (await seller.db.conversations.get(id))!.offer!;
    expect(offer).toMatchObject({ priceKrw: 25000, status: 'pending' });
    await answerOffer(seller.db, ref, offer.id, true);
    const at = server.clock.now() + 3 * 3_600_000;
    await proposeAppointment(seller.db, ref, { at, place: 'Pangyo station exit 1' });
    await seller.sync();

    await buyer.sync();
    const appointment = (await buyer.db.conversations.get(id))!.appointment!;
    expect(appointment).toMatchObject({ at, place: 'Pangyo station exit 1', proposedBy: seller.id, confirmed: false });
    await confirmAppointment(buyer.db, ref, appointment.id);
    await buyer.sync();

    await seller.sync();
    await reserveFor(seller.db, ref);
    await completeTradeWith(seller.db, ref);
    await seller.sync();
    await buyer.sync();

    const expected = [
      '1 text Hello!',
      '2 offer',
      '3 offer_accepted',
      '4 appointment Pangyo station exit 1',
      '5 appointment_confirmed Pangyo station exit 1',
      '6 reserved',
      '7 sold',
    ];
    expect(await lines(buyer, id)).toEqual(expected);
    expect(await lines(seller, id)).toEqual(expected);
    expect(await buyer.db.conversations.get(id)).toMatchObject({ trade: 'sold', offer: { status: 'accepted' }, appointment: { confirmed: true }, listing: { status: 'sold' } });
  });

  it('keeps a message the server refused after a block, with its reason, and sends nothing more', async () => {
    const seller = await neighbour('seller');
    const buyer = await neighbour('buyer');
    const listingId = await publishCooker(seller);
    await buyer.sync();
    const ref = { listingId, buyerId: buyer.id };
    await sendMessage(buyer.db, ref, 'Hi');
    await buyer.sync();

    await setBlocked(seller.db, buyer.id, true);
    await seller.sync();
    expect(await getMeta(seller.db, 'blockedIds')).toEqual([buyer.id]);

    const id = await sendMessage(buyer.db, ref, 'Hello? Call me on 010-1234-5678');
    await buyer.sync();
    expect(await buyer.db.messages.get(id)).toMatchObject({ n: 0, failed: { code: 'chat.blocked' } });
    expect(await buyer.db.outbox.count()).toBe(0);
    // The seller's listing is hidden from the person they blocked, both ways.
    expect(await getMeta(buyer.db, 'hiddenSellerIds')).toEqual([seller.id]);
    expect((await buyer.db.conversations.get(conversationId(listingId, buyer.id)))?.lastMessage?.text).toBe('Hi');
  });
});
