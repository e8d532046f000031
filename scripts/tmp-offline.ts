import { benchOffline } from './bench-offline.js';
console.log(await benchOffline());
