-- Real administrative dongs: each says which city and district it is in, since many dong names repeat
-- across Korea.
ALTER TABLE neighbourhoods ADD COLUMN region_en TEXT;
ALTER TABLE neighbourhoods ADD COLUMN region_ko TEXT;

-- Ids devices held before the dongs replaced the demo circles, and the dong each now means: a device
-- synced before the upgrade keeps working with the id it has.
CREATE TABLE neighbourhood_aliases (
  old_id TEXT PRIMARY KEY,
  neighbourhood_id TEXT NOT NULL REFERENCES neighbourhoods(id)
) WITHOUT ROWID;

-- Moving a retired place's rows to its dong finds them by place; so does the neighbour-set cascade.
CREATE INDEX verifications_by_place ON verifications (neighbourhood_id);
CREATE INDEX neighbourhood_neighbours_by_neighbour ON neighbourhood_neighbours (neighbour_id);
