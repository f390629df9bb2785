-- One row per attempt at a question: its answer, its times and its grade.
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    question TEXT NOT NULL,
    kind TEXT NOT NULL,              -- coding | written
    mode TEXT NOT NULL,              -- practice | mock | grade
    started_at TEXT NOT NULL,        -- ISO 8601, UTC
    ended_at TEXT,
    time_used_s REAL,
    time_limit_s REAL,
    over_time INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,            -- in-progress | graded | abandoned
    answer TEXT,                     -- the written answer or the solution source
    answer_path TEXT,
    score REAL,
    passed INTEGER,
    grade_json TEXT,
    self_rating TEXT,                -- again | hard | good | easy, as the user said
    rating TEXT,                     -- the rating the scheduler was given
    grader_version TEXT
);

CREATE INDEX attempts_question ON attempts(question, started_at);
