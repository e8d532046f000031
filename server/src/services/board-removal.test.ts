// Deleting an account, as the board sees it, on a real store (either engine): the person's posts go
// from every device with what was said under them, their comments elsewhere become deleted rows
// that keep their replies' place, their 공감 goes, and the counts follow.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.js';
import { boardActions, boardView, publishPost, writeComment } from '../testing/board.js';
import { people, type Person } from '../testing/trading.js';

let server: TestServer;
let tools: ReturnType<typeof people>;
let leaving: Person;
let neighbour: Person;
let third: Person;

beforeEach(async () => {
  server = await createTestServer();
  tools = people(server);
  leaving = await tools.person({ verified: true });
  neighbour = await tools.person({ verified: true });
  third = await tools.person({ verified: true });
});
afterEach(async () => {
  expect(server.logged).toEqual([]);
  await server.close();
});

async function deleteAccount(who: Person) {
  const confirmed = await server.app.request('/api/account/confirm', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: who.cookie },
    body: JSON.stringify({ password: who.password }),
  });
  expect(confirmed.status).toBe(204);
  expect((await server.app.request('/api/account', { method: 'DELETE', headers: { cookie: who.cookie } })).status).toBe(204);
}

describe('deleting an account', () => {
  it('takes the person’s posts, comments and 공감 off the board, and leaves the counts right', async () => {
    const theirs = await publishPost(server, leaving, { text: '이사 가요, 그동안 감사했어요' });
    const onTheirs = await writeComment(server, neighbour, theirs, '잘 지내세요!');
    const neighbours = await publishPost(server, neighbour, { text: '분리수거 요일 바뀌었나요?' });
    const said = await writeComment(server, leaving, neighbours, '수요일로 바뀌었어요');
    const reply = await writeComment(server, third, neighbours, '감사합니다', said);
    expect(await boardActions(server, leaving).react(neighbours)).toMatchObject({ status: 'applied' });
    expect((await boardView(server.app, third)).posts.get(neighbours)).toMatchObject({ commentCount: 2, reactionCount: 1 });
    const { last } = await boardView(server.app, third);

    await deleteAccount(leaving);

    for (const who of [third, neighbour, undefined]) {
      const view = await boardView(server.app, who);
      expect(view.posts.has(theirs)).toBe(false);
      expect(view.comments.has(onTheirs)).toBe(false);
      expect(view.posts.get(neighbours)).toMatchObject({ commentCount: 1, reactionCount: 0 });
      expect(view.comments.get(said)).toMatchObject({ text: '', deleted: true });
      expect(view.comments.get(reply)).toMatchObject({ text: '감사합니다', parentId: said, deleted: false });
    }
    // A device that had everything hears of each of these at its next pull.
    const later = await boardView(server.app, third);
    expect(later.last.cursor).toBeGreaterThan(last.cursor);
  });

  it('keeps a photo the person uploaded while someone else’s post still shows it', async () => {
    const photo = await tools.photo(leaving);
    await publishPost(server, leaving, { photos: [photo] });
    // The same bytes, sent again by a neighbour: content-addressed, the server already had them.
    expect(await tools.photo(neighbour)).toEqual(photo);
    await publishPost(server, neighbour, { photos: [photo] });
    await deleteAccount(leaving);
    for (const hash of [photo.full, photo.thumb]) expect((await server.app.request(`/api/media/${hash}`)).status, hash).toBe(200);
  });
});
