// Signs that a chat message is taking the trade off Dongne: a phone number, a bank account number,
// or a link to an outside messenger. Both people are warned; the message is not blocked (people do
// share numbers with neighbours they trust), but scams usually start exactly here.
export const SAFETY_WARNINGS = ['phone', 'bank_account', 'messenger'] as const;
export type SafetyWarning = (typeof SAFETY_WARNINGS)[number];

// Korean mobile and landline numbers, with or without separators, and +82 forms.
const PHONE = /(?:\+?82[-\s.]?|\b0)(?:1[016789]|2|[3-6][1-5]|70)[-\s.)]?\d{3,4}[-\s.]?\d{4}\b/;
// Account numbers: 10 to 16 digits, written whole or in 3 to 4 groups separated by dashes or spaces.
const BANK_ACCOUNT = /\b(?:\d{2,6}[-\s]){2,3}\d{2,7}\b|\b\d{10,16}\b/;
const BANK_WORDS = /(계좌|입금|송금|은행|농협|국민|신한|우리|하나|카카오뱅크|토스|account|bank|transfer|deposit)/i;
const MESSENGER = /(open\.kakao\.com|pf\.kakao\.com|qr\.kakao\.com|t\.me\/|telegram\.(?:me|org)|line\.me|wa\.me|whatsapp|카톡\s*(?:아이디|id)|카카오톡\s*(?:아이디|id)|텔레그램|라인\s*(?:아이디|id)|kakao\s*(?:talk\s*)?id)/i;

function digitsOf(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** What in `text` deserves a warning, in a fixed order; empty for an ordinary message. */
export function safetyWarnings(raw: string): SafetyWarning[] {
  // Joiners or other format characters between the digits must not hide a number.
  const text = raw.replace(/\p{Cf}/gu, '');
  const found: SafetyWarning[] = [];
  const phone = PHONE.exec(text);
  if (phone) found.push('phone');
  // A phone number is also a run of digits: an account needs more of them than the phone had, or
  // bank words beside it.
  const account = BANK_ACCOUNT.exec(phone ? text.replace(phone[0], ' ') : text);
  if (account && (digitsOf(account[0]) >= 11 || BANK_WORDS.test(text))) found.push('bank_account');
  if (MESSENGER.test(text)) found.push('messenger');
  return found;
}
