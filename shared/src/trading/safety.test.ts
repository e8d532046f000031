import { describe, expect, it } from 'vitest';
import { safetyWarnings } from './safety.js';

describe('safety warnings on chat messages', () => {
  it('says nothing about ordinary messages, prices, times and dates', () => {
    for (const text of ['Is it still available?', '15,000원에 가능할까요?', 'Tomorrow at 7:30 at exit 2', '2026-12-01 오후 3시', '네 감사합니다 :)', 'I can pay 12000']) {
      expect(safetyWarnings(text), text).toEqual([]);
    }
  });

  it('finds Korean phone numbers in their usual forms', () => {
    for (const text of ['010-1234-5678로 연락주세요', 'call 01012345678', '+82 10 1234 5678', '02-345-6789 sometimes', '010.1234.5678']) {
      expect(safetyWarnings(text), text).toContain('phone');
    }
  });

  it('finds bank account numbers, with bank words or by their length', () => {
    expect(safetyWarnings('국민 123-45-678901 으로 입금해주세요')).toEqual(['bank_account']);
    expect(safetyWarnings('Transfer to 1002-345-678901 please')).toEqual(['bank_account']);
    expect(safetyWarnings('3333012345678')).toEqual(['bank_account']);
    expect(safetyWarnings('카카오뱅크 3333-01-2345678')).toEqual(['bank_account']);
  });

  it('finds links and ids for outside messengers', () => {
    for (const text of ['https://open.kakao.com/o/abc123', '카톡 아이디 dongne123 로 와요', 'ping me on t.me/seller', 'wa.me/821012345678', 'my kakao id is abc']) {
      expect(safetyWarnings(text), text).toContain('messenger');
    }
  });

  it('is not fooled by invisible characters between the digits', () => {
    expect(safetyWarnings('010\u200d1234\u200d5678')).toEqual(['phone']);
    expect(safetyWarnings('0\u200c1\u200c0-1234-5678')).toEqual(['phone']);
  });

  it('names each kind once, in a fixed order', () => {
    expect(safetyWarnings('010-1234-5678 or open.kakao.com/o/x, 계좌 110-123-456789')).toEqual(['phone', 'bank_account', 'messenger']);
  });
});
