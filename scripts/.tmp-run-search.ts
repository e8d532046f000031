import { benchSearch } from './bench-search.js';
console.log(await benchSearch());
