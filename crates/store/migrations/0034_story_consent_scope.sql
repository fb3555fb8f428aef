-- 0034 what a story's consent covers beyond the channels: being named (the story is not
-- anonymised) and the photo. Consents recorded before cover neither: such a story must be
-- anonymised and without a photo, or get a new consent, before it is published again.
ALTER TABLE story_consents ADD COLUMN named INTEGER NOT NULL DEFAULT 0;
ALTER TABLE story_consents ADD COLUMN photo INTEGER NOT NULL DEFAULT 0;
