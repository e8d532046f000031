// The parts of a sync cycle that only a device with work of its own needs: photos to upload, an outbox
// to push and to put back on top of pulled rows, conversations. A visitor's first visit syncs without
// them (the page loads this module lazily; the service worker bundles it).
export { push } from './push.js';
export { uploadPendingPhotos } from './upload-photos.js';
export { rebaseOutbox } from './outbox.js';
export { applyPulledChats } from '../chat/pulled-chats.js';
