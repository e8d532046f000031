// What the Chats tab and the chat say about each step, from the reader's side, in English and Korean.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale, type Locale } from '../paraglide/runtime.js';
import { BUYER, SELLER, serverConversation, serverMessage } from './test-chats.js';
import { formatAppointment, lastMessageLine, safetyWords, stepLine } from './chat-words.js';

const conversation = serverConversation(crypto.randomUUID());
const last = (kind: Parameters<typeof lastMessageLine>[0]['lastMessage']['kind'], senderId: string, priceKrw: number | null = null) => ({
  ...conversation,
  lastMessage: { kind, senderId, text: kind === 'text' ? 'Hi there' : '', priceKrw, at: 1 },
});

function inLanguage(locale: Locale) {
  beforeEach(() => overwriteGetLocale(() => locale));
  afterEach(() => overwriteGetLocale(() => 'en'));
}

describe('in English', () => {
  inLanguage('en');

  it('the Chats tab shows text as written and each trade step in words', () => {
    expect(lastMessageLine(last('text', SELLER.id), BUYER.id)).toBe('Hi there');
    expect(lastMessageLine(last('offer', BUYER.id, 12000), SELLER.id)).toBe('Offered ₩12,000');
    expect(lastMessageLine(last('offer', BUYER.id, 12000), BUYER.id)).toBe('You offered ₩12,000');
    expect(lastMessageLine(last('appointment', SELLER.id), BUYER.id)).toBe('Appointment proposed');
    expect(lastMessageLine(last('offer_accepted', SELLER.id), BUYER.id)).toBe('Offer accepted');
  });

  it('the Chats tab says who a reservation or sale is for, as the reader knows them', () => {
    expect(lastMessageLine(last('reserved', SELLER.id), BUYER.id)).toBe('Reserved for you');
    expect(lastMessageLine(last('reserved', SELLER.id), SELLER.id)).toBe(`Reserved for ${BUYER.nickname}`);
    expect(lastMessageLine(last('sold', SELLER.id), SELLER.id)).toBe(`Sold to ${BUYER.nickname}`);
  });

  it('a step in the chat names who took it', () => {
    const accepted = serverMessage(conversation, 3, { kind: 'offer_accepted', priceKrw: 25000, senderId: SELLER.id });
    expect(stepLine(accepted, BUYER.id, conversation)).toBe(`${SELLER.nickname} accepted the offer of ₩25,000`);
    expect(stepLine(accepted, SELLER.id, conversation)).toBe('You accepted the offer of ₩25,000');
    const sold = serverMessage(conversation, 4, { kind: 'sold', senderId: SELLER.id });
    expect(stepLine(sold, BUYER.id, conversation)).toBe(`${SELLER.nickname} marked this sold to you`);
    expect(stepLine(sold, SELLER.id, conversation)).toBe(`You marked this sold to ${BUYER.nickname}`);
  });
});

describe('in Korean', () => {
  inLanguage('ko');

  it('the Chats tab says each step as a Korean app does, prices in 원', () => {
    expect(lastMessageLine(last('text', SELLER.id), BUYER.id)).toBe('Hi there');
    expect(lastMessageLine(last('offer', BUYER.id, 12000), SELLER.id)).toBe('12,000원 가격 제안이 왔어요');
    expect(lastMessageLine(last('offer', BUYER.id, 12000), BUYER.id)).toBe('12,000원에 가격을 제안했어요');
    expect(lastMessageLine(last('appointment', SELLER.id), BUYER.id)).toBe('약속 제안이 왔어요');
    expect(lastMessageLine(last('reserved', SELLER.id), BUYER.id)).toBe('나에게 예약중으로 변경됐어요');
    expect(lastMessageLine(last('reserved', SELLER.id), SELLER.id)).toBe(`${BUYER.nickname}님에게 예약중으로 변경했어요`);
    expect(lastMessageLine(last('sold', SELLER.id), BUYER.id)).toBe('거래가 완료되었어요');
  });

  it('a step leaves out the subject when it is the reader, and names the other person otherwise', () => {
    const reserved = serverMessage(conversation, 3, { kind: 'reserved', senderId: SELLER.id });
    expect(stepLine(reserved, SELLER.id, conversation)).toBe(`${BUYER.nickname}님에게 예약중으로 변경했어요`);
    expect(stepLine(reserved, BUYER.id, conversation)).toBe(`${SELLER.nickname}님이 나에게 예약중으로 변경했어요`);
    const accepted = serverMessage(conversation, 4, { kind: 'offer_accepted', priceKrw: 25000, senderId: SELLER.id });
    expect(stepLine(accepted, SELLER.id, conversation)).toBe('25,000원 가격 제안을 수락했어요');
    const sold = serverMessage(conversation, 5, { kind: 'sold', senderId: SELLER.id });
    expect(stepLine(sold, BUYER.id, conversation)).toBe(`${SELLER.nickname}님과 거래가 완료되었어요`);
  });

  it('dates and warnings are in Korean too', () => {
    expect(formatAppointment(Date.UTC(2026, 2, 14, 10, 30))).toMatch(/3월 14일/);
    expect(safetyWords('bank_account')).toContain('계좌번호');
  });
});
