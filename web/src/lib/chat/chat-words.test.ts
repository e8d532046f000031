// What the Chats tab and the chat say about each step, from the reader's side.
import { describe, expect, it } from 'vitest';
import { BUYER, SELLER, serverConversation, serverMessage } from './test-chats.js';
import { lastMessageLine, minutesUntil, stepLine } from './chat-words.js';

const conversation = serverConversation(crypto.randomUUID());
const last = (kind: Parameters<typeof lastMessageLine>[0]['lastMessage']['kind'], senderId: string, priceKrw: number | null = null) => ({
  ...conversation,
  lastMessage: { kind, senderId, text: kind === 'text' ? 'Hi there' : '', priceKrw, at: 1 },
});

describe('the Chats tab line', () => {
  it('shows text as written and each trade step in words', () => {
    expect(lastMessageLine(last('text', SELLER.id), BUYER.id)).toBe('Hi there');
    expect(lastMessageLine(last('offer', BUYER.id, 12000), SELLER.id)).toBe('Offered ₩12,000');
    expect(lastMessageLine(last('offer', BUYER.id, 12000), BUYER.id)).toBe('You offered ₩12,000');
    expect(lastMessageLine(last('appointment', SELLER.id), BUYER.id)).toBe('Appointment proposed');
    expect(lastMessageLine(last('offer_accepted', SELLER.id), BUYER.id)).toBe('Offer accepted');
  });

  it('says who a reservation or sale is for, as the reader knows them', () => {
    expect(lastMessageLine(last('reserved', SELLER.id), BUYER.id)).toBe('Reserved for you');
    expect(lastMessageLine(last('reserved', SELLER.id), SELLER.id)).toBe(`Reserved for ${BUYER.nickname}`);
    expect(lastMessageLine(last('sold', SELLER.id), SELLER.id)).toBe(`Sold to ${BUYER.nickname}`);
  });
});

describe('a step in the chat', () => {
  it('names who took it', () => {
    const accepted = serverMessage(conversation, 3, { kind: 'offer_accepted', priceKrw: 25000, senderId: SELLER.id });
    expect(stepLine(accepted, BUYER.id, conversation)).toBe(`${SELLER.nickname} accepted the offer of ₩25,000`);
    expect(stepLine(accepted, SELLER.id, conversation)).toBe('You accepted the offer of ₩25,000');
    const sold = serverMessage(conversation, 4, { kind: 'sold', senderId: SELLER.id });
    expect(stepLine(sold, BUYER.id, conversation)).toBe(`${SELLER.nickname} marked this sold to you`);
  });
});

it('counts the minutes to an appointment, never fewer than one', () => {
  expect(minutesUntil(42 * 60_000 + 10_000, 0)).toBe('in 42 min');
  expect(minutesUntil(5_000, 0)).toBe('in 1 min');
});
