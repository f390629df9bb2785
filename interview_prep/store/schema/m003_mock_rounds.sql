-- Rounds of one `prep mock` share an id so that the loop can be summarised later.
ALTER TABLE attempts ADD COLUMN mock_id TEXT;
