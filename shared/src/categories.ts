// The categories a listing can be filed under. The id is stored; labels are for display.

export const CATEGORIES = [
  { id: 'digital', label: 'Digital devices', emoji: '📱' },
  { id: 'furniture', label: 'Furniture', emoji: '🪑' },
  { id: 'kids', label: 'Kids', emoji: '🧸' },
  { id: 'clothing', label: 'Clothing', emoji: '👕' },
  { id: 'books', label: 'Books', emoji: '📚' },
  { id: 'sports', label: 'Sports', emoji: '⚽' },
  { id: 'beauty', label: 'Beauty', emoji: '💄' },
  { id: 'household', label: 'Household', emoji: '🏠' },
  { id: 'pets', label: 'Pet supplies', emoji: '🐾' },
  { id: 'plants', label: 'Plants', emoji: '🪴' },
  { id: 'tickets', label: 'Tickets', emoji: '🎟️' },
  { id: 'free', label: 'Free giveaway', emoji: '🎁' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];

export function categoryOf(id: string) {
  return CATEGORIES.find((c) => c.id === id) ?? CATEGORIES[CATEGORIES.length - 1];
}
