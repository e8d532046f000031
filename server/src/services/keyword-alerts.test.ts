// Keyword alerts through push and pull on a real store (either engine): who is told of a new
// listing, once, and what they may keep.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEYWORD_LIMITS, type MutationResult, type Notification, type PullResponse } from '@dongne/shared';
import { createTestServer, device, mutation, newSession, pull, push, type TestServer } from '../testing/harness.js';

let server: TestServer;
type Person = Awaited<ReturnType<typeof newSession>> & { phone: ReturnType<typeof device> };
let seller: Person;
let buyer: Person;

async function person(): Promise<Person> {
  return { ...(await newSession(server.app)), phone: device() };
}
async function act(who: Person, name: string, args: unknown): Promise<MutationResult> {
  return (await push(server.app, who.cookie, who.phone.clientId, [mutation(who.phone.nextSeq(), name, args)])).results[0];
}
async function publish(who: Person, overrides: { title: string; description?: string; neighbourhoodId?: string }): Promise<string> {
  const create = server.createListing(who.phone.nextSeq(), overrides);
  expect((await push(server.app, who.cookie, who.phone.clientId, [create])).results[0]).toMatchObject({ status: 'applied' });
  return (create.args as { id: string }).id;
}
const notificationsIn = (page: PullResponse): Notification[] => page.changes.flatMap((c) => (c.entity === 'notification' ? [c.row] : []));
const live = async (who: Person) => notificationsIn(await pull(server.app, who.cookie, { limit: 1000 }));

beforeEach(async () => {
  server = await createTestServer();
  seller = await person();
  buyer = await person();
  expect(await act(buyer, 'neighbourhood.set', { held: ['kr-bundang-sunae'], active: 'kr-bundang-sunae' })).toMatchObject({ status: 'applied' });
});
afterEach(() => server.close());

describe('keyword alerts', () => {
  it('tell a neighbour of a new listing whose title or description holds their keyword, once, with the keyword and title', async () => {
    expect(await act(buyer, 'keyword.add', { keyword: '  자전거 ' })).toMatchObject({ status: 'applied' });
    expect(await act(buyer, 'keyword.add', { keyword: 'Brompton' })).toMatchObject({ status: 'applied' });
    expect((await pull(server.app, buyer.cookie)).keywords).toEqual(['brompton', '자전거']);

    // Korean inside a longer word, and the other keyword in the description: one notification,
    // naming the first keyword alphabetically.
    const id = await publish(seller, { title: '접이식자전거 팝니다', description: 'A BROMPTON, 6 speeds.' });
    const told = await live(buyer);
    expect(told).toEqual([{ id: expect.any(String), kind: 'keyword', subjectId: id, title: '접이식자전거 팝니다', keyword: 'brompton', event: null, actorId: null, actorName: null, snippet: null, amountKrw: null, at: null, messageKind: null, createdAt: expect.any(Number), readAt: null }]);

    await publish(seller, { title: 'Desk lamp', description: 'Nothing to do with bikes.' });
    expect(await live(buyer)).toHaveLength(1);
    // Nobody else hears of it.
    expect(await live(seller)).toEqual([]);
  });

  it('match two-letter words and every word of a keyword of several, as search does', async () => {
    await act(buyer, 'keyword.add', { keyword: '의자' });
    await act(buyer, 'keyword.add', { keyword: 'ikea cushion' });
    await publish(seller, { title: '원목 의자 2개' });
    await publish(seller, { title: 'IKEA lamp', description: 'no cushions here? yes: cushion cover' });
    await publish(seller, { title: 'IKEA lamp only' });
    expect((await live(buyer)).map((n) => n.keyword)).toEqual(['의자', 'ikea cushion']);
  });

  it('never tell sellers of their own listings, people blocked either way, or people whose neighbourhoods are far', async () => {
    await act(seller, 'neighbourhood.set', { held: ['kr-bundang-sunae'], active: 'kr-bundang-sunae' });
    await act(seller, 'keyword.add', { keyword: 'lamp' });
    const blocked = await person();
    await act(blocked, 'neighbourhood.set', { held: ['kr-bundang-sunae'], active: 'kr-bundang-sunae' });
    await act(blocked, 'keyword.add', { keyword: 'lamp' });
    await act(seller, 'block.set', { actorId: blocked.actorId, blocked: true });
    const far = await person();
    await act(far, 'neighbourhood.set', { held: ['kr-mapo-mangwon'], active: 'kr-mapo-mangwon' });
    await act(far, 'keyword.add', { keyword: 'lamp' });
    const nowhere = await person();
    await act(nowhere, 'keyword.add', { keyword: 'lamp' });
    await act(buyer, 'keyword.add', { keyword: 'lamp' });

    await publish(seller, { title: 'Desk lamp' });
    expect(await live(buyer)).toHaveLength(1);
    for (const who of [seller, blocked, far, nowhere]) expect(await live(who)).toEqual([]);
  });

  it('keep at most 30 keywords; adding one kept, or removing one not kept, changes nothing', async () => {
    for (let i = 0; i < KEYWORD_LIMITS.perPerson; i++) expect(await act(buyer, 'keyword.add', { keyword: `word${i}` })).toMatchObject({ status: 'applied' });
    expect(await act(buyer, 'keyword.add', { keyword: 'word0' })).toMatchObject({ status: 'applied' });
    expect(await act(buyer, 'keyword.add', { keyword: 'one more' })).toMatchObject({ status: 'rejected', code: 'keyword.limit' });
    expect(await act(buyer, 'keyword.remove', { keyword: 'not kept' })).toMatchObject({ status: 'applied' });
    expect(await act(buyer, 'keyword.remove', { keyword: 'WORD0' })).toMatchObject({ status: 'applied' });
    expect(await act(buyer, 'keyword.add', { keyword: 'one more' })).toMatchObject({ status: 'applied' });
    const kept = (await pull(server.app, buyer.cookie)).keywords;
    expect(kept).toHaveLength(KEYWORD_LIMITS.perPerson);
    expect(kept).not.toContain('word0');
    expect(kept).toContain('one more');
  });

  it('refuse keywords too short, too long or not text, and keep nothing', async () => {
    for (const keyword of ['a', ' b ', 'x'.repeat(KEYWORD_LIMITS.maxChars + 1), 42, '']) {
      expect(await act(buyer, 'keyword.add', { keyword }), String(keyword)).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
    }
    expect((await pull(server.app, buyer.cookie)).keywords).toEqual([]);
  });

  it('are the person’s own: a visitor pulls none, and another person cannot read them or mark them read', async () => {
    await act(buyer, 'keyword.add', { keyword: 'lamp' });
    await publish(seller, { title: 'Desk lamp' });
    const [told] = await live(buyer);
    expect((await pull(server.app, undefined)).keywords).toEqual([]);
    expect(notificationsIn(await pull(server.app, undefined))).toEqual([]);

    expect(await act(seller, 'notification.read', { ids: [told.id] })).toMatchObject({ status: 'applied' });
    expect((await live(buyer))[0].readAt).toBeNull();
  });

  it('are marked read on every device of the person, through the pull', async () => {
    await act(buyer, 'keyword.add', { keyword: 'lamp' });
    await publish(seller, { title: 'Desk lamp' });
    const first = await pull(server.app, buyer.cookie);
    const [told] = notificationsIn(first);
    expect(await act(buyer, 'notification.read', { ids: [told.id, told.id] })).toMatchObject({ status: 'applied' });
    const after = notificationsIn(await pull(server.app, buyer.cookie, { cursor: first.cursor }));
    expect(after).toEqual([{ ...told, readAt: expect.any(Number) }]);
    expect(await act(buyer, 'notification.read', { ids: [] })).toMatchObject({ status: 'rejected', code: 'mutation.invalid_args' });
  });
});

describe('keyword alerts for listings pushed together', () => {
  it('tell of each listing in one push that matches', async () => {
    for (const keyword of ['자전거', 'brompton', '아기 의자']) await act(buyer, 'keyword.add', { keyword });
    const mutations = ['접이식 자전거 Folding bike', 'Brompton M6L, 2019', '원목 아기 의자 (유아용)'].map((title) => server.createListing(seller.phone.nextSeq(), { title }));
    const results = (await push(server.app, seller.cookie, seller.phone.clientId, mutations)).results;
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await live(buyer)).map((n) => n.keyword).sort()).toEqual(['brompton', '아기 의자', '자전거'].sort());
  });
});
