-- What the interviewer asked after the main answer (a coding question's follow-ups, a written
-- answer's probes), each with its answer and grade, as part of its attempt.
CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    attempt_id INTEGER NOT NULL REFERENCES attempts(id),
    position INTEGER NOT NULL,       -- 1, 2, ... in the order asked
    kind TEXT NOT NULL,              -- follow-up | probe | challenge
    target TEXT NOT NULL,            -- the follow-up id, or the key point / misconception probed
    prompt TEXT NOT NULL,
    answer TEXT,
    grade_json TEXT,
    recovered REAL NOT NULL DEFAULT 0,
    asked_at TEXT NOT NULL
);

CREATE INDEX follow_ups_attempt ON follow_ups(attempt_id, position);
