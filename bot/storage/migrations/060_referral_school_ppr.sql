-- The school and PPR (the municipality's educational psychology service) refer families too: the
-- school for school-age children, PPR for children in daycare as well as in school. The plan's
-- "Henvist af" gets them as sources; the check is replaced whole, since a CHECK cannot be widened.
ALTER TABLE plans DROP CONSTRAINT plans_referral_source_check;
ALTER TABLE plans ADD CONSTRAINT plans_referral_source_check
  CHECK (referral_source IN ('health-visitor', 'daycare', 'school', 'ppr', 'gp', 'midwife', 'family', 'other'));
