-- A campaign may be paid per thousand impressions instead of per click (exactly one of the two
-- prices is above zero), and its day keeps how many impressions it was charged for: the day's
-- spend is that count times the price per thousand, rounded down, so a thousand impressions cost
-- exactly the price however the batches that carried them were split.
ALTER TABLE campaigns ADD COLUMN price_per_thousand_krw INTEGER NOT NULL DEFAULT 0;
ALTER TABLE campaign_days ADD COLUMN charged_impressions INTEGER NOT NULL DEFAULT 0;
