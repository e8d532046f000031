export * from './categories.js';
export * from './listing.js';
export * from './errors.js';
export * from './sync.js';
export * from './format.js';
export * from './mutations/index.js';
export * from './neighbourhood-names.js';
