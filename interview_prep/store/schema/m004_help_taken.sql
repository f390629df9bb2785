-- Hints shown and solutions viewed. A row taken while no attempt of its question is in
-- progress waits (attempt_id NULL) and is claimed by that question's next attempt, whose
-- rating it caps.
CREATE TABLE help_taken (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question TEXT NOT NULL,
    kind TEXT NOT NULL,              -- hint | solution
    hint_index INTEGER,              -- 1-based, for hints
    taken_at TEXT NOT NULL,
    attempt_id INTEGER REFERENCES attempts(id)
);

CREATE INDEX help_taken_question ON help_taken(question, attempt_id);
