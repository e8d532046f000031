import { describe, expect, it } from 'vitest';
import type { Notification } from '@dongne/shared';
import { formatAppointment } from '../chat/chat-words.js';
import { notificationWords, type Worded } from './notification-words.js';

const NOW = Date.UTC(2026, 2, 14, 9, 0);
const MINUTE = 60_000;

/** A notification of `kind` about a listing called 원목 의자, from 민지. */
const told = (kind: Notification['kind'], overrides: Partial<Worded> = {}): Worded => ({
  kind,
  title: '원목 의자',
  keyword: null,
  event: null,
  actorName: '민지',
  snippet: null,
  amountKrw: null,
  at: null,
  messageKind: null,
  ...overrides,
});

const says = (n: Worded, locale: 'en' | 'ko', now = NOW) => notificationWords(n, now, locale).says;

describe('a notification in words', () => {
  it('a chat message: who sent it and its first words, under the listing’s title', () => {
    const message = told('message', { messageKind: 'text', snippet: '네 있어요' });
    expect(notificationWords(message, NOW, 'ko')).toEqual({ about: '원목 의자', says: '민지님이 채팅을 보냈어요: 네 있어요' });
    expect(notificationWords(message, NOW, 'en')).toEqual({ about: '원목 의자', says: '민지 sent a message: 네 있어요' });
    expect(says({ ...message, snippet: null }, 'ko')).toBe('민지님이 채팅을 보냈어요');
  });

  it('an offer and its answer, with the price as each language writes it', () => {
    expect(says(told('offer', { amountKrw: 15_000 }), 'ko')).toBe('민지님이 15,000원을 제안했어요');
    expect(says(told('offer', { amountKrw: 15_000 }), 'en')).toBe('민지 offered ₩15,000');
    expect(says(told('message', { messageKind: 'offer_accepted', amountKrw: 15_000 }), 'ko')).toBe('민지님이 15,000원 제안을 수락했어요');
    expect(says(told('message', { messageKind: 'offer_declined', amountKrw: 15_000 }), 'en')).toBe('민지 declined your ₩15,000 offer');
  });

  it('an appointment proposed or confirmed: when and where', () => {
    const at = NOW + 3 * 60 * MINUTE;
    const proposed = told('message', { messageKind: 'appointment', at, snippet: '판교역 2번 출구' });
    expect(says(proposed, 'ko')).toBe(`민지님이 거래 약속을 제안했어요: ${formatAppointment(at, 'ko-KR')} · 판교역 2번 출구`);
    expect(says({ ...proposed, messageKind: 'appointment_confirmed' }, 'en')).toBe(`민지 confirmed meeting ${formatAppointment(at, 'en-US')} · 판교역 2번 출구`);
  });

  it('an appointment’s reminder: how long until it, while it is ahead; when it was, after', () => {
    const at = NOW + 60 * MINUTE;
    const reminder = told('appointment', { at, snippet: '판교역' });
    expect(says(reminder, 'ko')).toBe('1시간 후 민지님과 거래 약속이 있어요 · 판교역');
    expect(says(reminder, 'en')).toBe('Trade with 민지 in an hour · 판교역');
    expect(says(reminder, 'ko', at - 40 * MINUTE - 20_000)).toBe('41분 후 민지님과 거래 약속이 있어요 · 판교역');
    expect(says(reminder, 'en', at - 150 * MINUTE)).toBe('Trade with 민지 in 2 hours · 판교역');
    expect(says(reminder, 'ko', at)).toBe(`민지님과의 거래 약속: ${formatAppointment(at, 'ko-KR')} · 판교역`);
  });

  it('a review request names the person to review', () => {
    expect(notificationWords(told('review_request'), NOW, 'ko')).toEqual({ about: '원목 의자', says: '거래는 어떠셨나요? 민지님에게 후기를 남겨주세요' });
    expect(says(told('review_request'), 'en')).toBe('How did it go? Leave 민지 a review');
  });

  it('the board’s: a comment or a reply with its first words, 공감, under the post’s first words', () => {
    const onPost = { title: '수내동 맛집 추천해 주세요', snippet: '정자동 칼국수요!' };
    expect(notificationWords(told('board_comment', onPost), NOW, 'ko')).toEqual({ about: '수내동 맛집 추천해 주세요', says: '민지님이 내 글에 댓글을 남겼어요: 정자동 칼국수요!' });
    expect(says(told('board_reply', onPost), 'ko')).toBe('민지님이 내 댓글에 답글을 남겼어요: 정자동 칼국수요!');
    expect(says(told('board_reply', onPost), 'en')).toBe('민지 replied to your comment: 정자동 칼국수요!');
    expect(says(told('board_reaction', { ...onPost, snippet: null }), 'ko')).toBe('민지님이 내 글에 공감했어요');
    expect(says(told('board_reaction', { ...onPost, snippet: null }), 'en')).toBe('민지 liked your post');
  });

  it('a followed shop’s post: the shop’s name, and its post’s title and first words', () => {
    const post = told('business_post', { title: '수내 베이커리', actorName: '수내 베이커리', snippet: '소금빵 2+1 · 금요일까지' });
    expect(notificationWords(post, NOW, 'ko')).toEqual({ about: '수내 베이커리', says: '수내 베이커리에서 새 소식을 올렸어요: 소금빵 2+1 · 금요일까지' });
    expect(says(post, 'en')).toBe('수내 베이커리 posted news: 소금빵 2+1 · 금요일까지');
  });

  it('a keyword alert and a security message as before', () => {
    expect(notificationWords(told('keyword', { keyword: '의자', actorName: null }), NOW, 'ko')).toEqual({ about: '‘의자’ 키워드 새 글', says: '원목 의자' });
    expect(notificationWords(told('security', { title: 'Safari on macOS', event: 'new_device_sign_in', actorName: null }), NOW, 'en')).toEqual({
      about: 'Account security',
      says: 'New sign-in on Safari on macOS.',
    });
  });

  it('a neighbour with no name left (an account deleted) and a title that is empty still read', () => {
    expect(notificationWords(told('offer', { actorName: null, amountKrw: 0, title: '' }), NOW, 'ko')).toEqual({ about: '알림', says: '이웃님이 나눔을 제안했어요' });
    expect(says(told('message', { actorName: null, messageKind: 'text', snippet: 'hi' }), 'en')).toBe('A neighbour sent a message: hi');
  });
});
