// What a refusal from the server says to the person, in their language. The server's own sentence
// is English for logs and other clients; the app shows the message it has for the refusal's code.
import { server_error } from '../paraglide/messages.js';

export function refusalMessage(code: string): string {
  return server_error({ code });
}
