-- One fsrs card per question; `due` is copied out of the JSON so that `prep list`
-- can show it without importing fsrs.
CREATE TABLE cards (
    question TEXT PRIMARY KEY,
    card_json TEXT NOT NULL,
    due TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
