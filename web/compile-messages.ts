// Compiles web/messages into src/lib/paraglide for tools that run without Vite (svelte-check).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.js';

await compile(paraglideOptions(import.meta.dirname));
