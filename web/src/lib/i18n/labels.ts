// Words for the fixed lists the shared code keeps by id (categories, a listing's status), in the
// person's language. The ids are what is stored and sent; these are only for display.
import type { CategoryId, ListingStatus } from '@dongne/shared';
import { app_category, app_listing_status } from '../paraglide/messages.js';

export function categoryLabel(id: CategoryId | string): string {
  return app_category({ id });
}

export function statusLabel(status: ListingStatus): string {
  return app_listing_status({ status });
}
