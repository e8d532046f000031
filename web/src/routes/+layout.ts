// Everything renders in the browser from the local replica; there is nothing to prerender.
export const ssr = false;
export const prerender = false;
