export * from './chat.js';
export * from './manners.js';
export * from './reports.js';
export * from './safety.js';
