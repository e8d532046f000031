// What a refusal from the server says to the person, in their language. The server's own sentence
// is English for logs and other clients; the app shows the message it has for the refusal's code.
import type { ErrorCode } from '@dongne/shared';
import { server_error } from '../paraglide/messages.js';

type RefusalCode = ErrorCode | (string & {});

/**
 * The message for `code`: every one of the server's ERROR_CODES has its own (refusal.test.ts checks);
 * any other (the client's `http.<status>`, a newer server's code) gets a generic one naming it.
 */
export function refusalMessage(code: RefusalCode): string {
  return server_error({ code });
}

/**
 * The same, with the messages loaded only when a refusal is shown. Every code's words in both
 * languages weigh about 5 KB gzipped: what the first screen imports (the layout's banners) should
 * use this, so the first visit does not carry them.
 */
export async function refusalMessageLater(code: RefusalCode): Promise<string> {
  const { server_error: load } = await import('./server-error.js');
  return load({ code });
}
