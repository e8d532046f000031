// Paraglide's compiler settings, shared by the app's build and the repository's vitest run.
import { join } from 'node:path';
import type { CompilerOptions } from '@inlang/paraglide-js';

export function paraglideOptions(webDir: string): CompilerOptions {
  return {
    project: join(webDir, 'project.inlang'),
    outdir: join(webDir, 'src/lib/paraglide'),
    // The person's own choice (the account screen's switch, kept on this device) wins; otherwise
    // Korean for a browser that prefers it, English for everyone else.
    strategy: ['localStorage', 'preferredLanguage', 'baseLocale'],
    localStorageKey: 'dongne.locale',
    emitGitIgnore: false,
    emitReadme: false,
  };
}
