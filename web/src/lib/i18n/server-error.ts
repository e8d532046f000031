// The refusal messages on their own, for refusalMessageLater to load in a chunk of their own.
export { server_error } from '../paraglide/messages.js';
