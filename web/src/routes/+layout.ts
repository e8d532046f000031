import { applyDocumentLanguage } from '$lib/i18n/locale';

// Everything renders in the browser from the local replica; there is nothing to prerender.
export const ssr = false;
export const prerender = false;

export function load() {
  applyDocumentLanguage();
}
