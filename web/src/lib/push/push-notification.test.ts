import { describe, expect, it } from 'vitest';
import type { PushPayload } from '@dongne/shared';
import { isLookingAt, pushNotificationView, readPushPayload } from './push-notification.js';

const payload: PushPayload = {
  notificationId: 'n-1',
  kind: 'keyword',
  subjectId: 'listing-7',
  title: 'Brompton M6L, barely ridden',
  keyword: 'brompton',
  event: null,
  actorName: null,
  snippet: null,
  amountKrw: null,
  at: null,
  messageKind: null,
  url: '/listings/listing-7',
  locale: 'en',
  createdAt: Date.UTC(2026, 10, 30, 9),
};

describe('a push in the service worker', () => {
  it('shows a keyword alert in the device language, one per listing, opening the listing', () => {
    const en = pushNotificationView(payload);
    expect(en.title).toBe('New listing for “brompton”');
    expect(en.options).toMatchObject({ body: payload.title, tag: 'keyword:listing-7', lang: 'en', data: { url: '/listings/listing-7', notificationId: 'n-1' } });
    expect(pushNotificationView({ ...payload, locale: 'ko', keyword: '자전거' }).title).toBe('‘자전거’ 키워드 새 글');
  });

  it('shows a security message as what happened, on which device, in the device language', () => {
    const security: PushPayload = { ...payload, kind: 'security', subjectId: 'n-9', title: 'Safari on macOS', keyword: null, event: 'new_device_sign_in', url: '/account/security' };
    expect(pushNotificationView(security)).toMatchObject({ title: 'Account security', options: { body: 'New sign-in on Safari on macOS.', tag: 'security:n-9', data: { url: '/account/security' } } });
    expect(pushNotificationView({ ...security, locale: 'ko', event: 'password_changed', title: '' })).toMatchObject({ title: '계정 보안', options: { body: '비밀번호가 바뀌었어요.' } });
    // The device in Korean order, system first.
    expect(pushNotificationView({ ...security, locale: 'ko' }).options.body).toContain('macOS Safari');
  });

  it('shows a chat message as the listing, who wrote and what, in the device language; a newer one of the conversation replaces it, sounding again', () => {
    const message: PushPayload = {
      ...payload,
      kind: 'message',
      subjectId: 'listing-7:buyer-1',
      title: '원목 의자',
      keyword: null,
      actorName: '민지',
      snippet: '네 있어요',
      messageKind: 'text',
      url: '/chats/listing-7%3Abuyer-1',
      locale: 'ko',
    };
    expect(pushNotificationView(message)).toMatchObject({
      title: '원목 의자',
      options: { body: '민지님이 채팅을 보냈어요: 네 있어요', tag: 'message:listing-7:buyer-1', renotify: true, lang: 'ko', data: { url: '/chats/listing-7%3Abuyer-1' } },
    });
    expect(pushNotificationView({ ...message, locale: 'en' }).options.body).toBe('민지 sent a message: 네 있어요');
    // A keyword alert is told once: nothing replaces it to sound again.
    expect(pushNotificationView(payload).options.renotify).toBe(false);
  });

  it('words an appointment’s reminder by how long until it when it arrives', () => {
    const at = Date.UTC(2026, 10, 30, 10);
    const reminder: PushPayload = { ...payload, kind: 'appointment', subjectId: 'l:b', keyword: null, actorName: '민지', snippet: '판교역', at, url: '/chats/l%3Ab', locale: 'ko' };
    expect(pushNotificationView(reminder, at - 60 * 60_000).options.body).toBe('1시간 후 민지님과 거래 약속이 있어요 · 판교역');
    expect(pushNotificationView({ ...reminder, locale: 'en' }, at - 25 * 60_000).options.body).toBe('Trade with 민지 in 25 min · 판교역');
  });

  it('shows a review request, opening the review of that trade', () => {
    const request: PushPayload = { ...payload, kind: 'review_request', keyword: null, actorName: '민지', url: '/reviews/new?listing=listing-7&to=minji', locale: 'en' };
    expect(pushNotificationView(request)).toMatchObject({ title: payload.title, options: { body: 'How did it go? Leave 민지 a review', data: { url: '/reviews/new?listing=listing-7&to=minji' } } });
  });

  it('reads a payload from a server older than the trade’s fields, with none of them', () => {
    const { actorName: _, snippet: __, amountKrw: ___, at: ____, messageKind: _____, ...older } = payload;
    expect(readPushPayload(older)).toEqual(payload);
  });

  it('reads only a payload of Dongne’s shape: anything else shows nothing', () => {
    expect(readPushPayload(JSON.parse(JSON.stringify(payload)))).toEqual(payload);
    for (const url of ['https://evil.example/', '//evil.example/', '/\\evil.example/', 'listings/1']) expect(readPushPayload({ ...payload, url }), url).toBeUndefined();
    expect(readPushPayload({ ...payload, kind: 'ad' })).toBeUndefined();
    expect(readPushPayload('hello')).toBeUndefined();
    expect(readPushPayload(undefined)).toBeUndefined();
  });

  it('holds back only for the screen the person is looking at right now', () => {
    expect(isLookingAt(['/listings/listing-7'], payload.url)).toBe(true);
    expect(isLookingAt(['/', '/listings/listing-7'], `${payload.url}?from=push`)).toBe(true);
    expect(isLookingAt(['/', '/listings/listing-8'], payload.url)).toBe(false);
    // Nothing in front of them (every window in the background, or none open).
    expect(isLookingAt([], payload.url)).toBe(false);
    // A conversation is the same screen however its id's colon was written.
    expect(isLookingAt(['/chats/listing-7%3Abuyer-1'], '/chats/listing-7%3Abuyer-1')).toBe(true);
    expect(isLookingAt(['/chats/listing-7:buyer-1'], '/chats/listing-7%3Abuyer-1')).toBe(true);
    expect(isLookingAt(['/chats/listing-7%3Abuyer-2'], '/chats/listing-7%3Abuyer-1')).toBe(false);
    expect(isLookingAt(['/chats'], '/chats/listing-7%3Abuyer-1')).toBe(false);
  });
});
