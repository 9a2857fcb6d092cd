-- A committee member's statement of expertise (free text), compared with the entries' texts for
-- the assignment's affinity.
ALTER TABLE committee_members ADD COLUMN expertise TEXT NOT NULL DEFAULT '';
