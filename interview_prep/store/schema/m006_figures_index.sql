-- `prep stats` and `prep history` read only these columns of every attempt. A row carries its
-- answer and grade (kilobytes), so a scan of the table reads the whole file; this covering index
-- lets both read a few pages instead (benchmarks/history_scale.py: 10,000 attempts).
CREATE INDEX attempts_figures ON attempts
    (question, started_at, status, mode, score, time_used_s, time_limit_s);
