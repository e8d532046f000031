// Vitest setup for the server's test files, run for each file: what a file opened is closed when it
// ends, whether or not the runner gives each file its own copy of the modules.
import { afterAll } from 'vitest';
import { releaseTestStores } from './test-store.js';

afterAll(releaseTestStores);
