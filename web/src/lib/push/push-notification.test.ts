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
  });
});
