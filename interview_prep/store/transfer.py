"""The whole history out and back in (export, import, one attempt copied into another history), and a reset."""

from __future__ import annotations

from typing import Any

from interview_prep.store.connection import StoreBase, reads
from interview_prep.store.follow_ups import insert_follow_up
from interview_prep.store.rows import ATTEMPT_COLUMNS, compact_grade, grade_as_text


class Transfer(StoreBase):
    def copy_attempt(self, attempt_id: int, into: StoreBase) -> int:
        """Write one attempt, with its question's card and its help taken, into another history; its new id."""
        row = dict(self.conn.execute("SELECT * FROM attempts WHERE id=?", (attempt_id,)).fetchone())
        card = self.conn.execute("SELECT * FROM cards WHERE question=?", (row["question"],)).fetchone()
        help_rows = [dict(r) for r in self.conn.execute("SELECT * FROM help_taken WHERE attempt_id=?", (attempt_id,))]
        asked = [dict(r) for r in self.conn.execute("SELECT * FROM follow_ups WHERE attempt_id=?", (attempt_id,))]
        del row["id"]
        with into.write() as c:
            cur = c.execute(
                f"INSERT INTO attempts ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",  # noqa: S608
                tuple(row.values()),
            )
            assert cur.lastrowid is not None
            if card is not None:
                c.execute(
                    "INSERT OR REPLACE INTO cards (question, card_json, due, updated_at) VALUES (?, ?, ?, ?)",
                    (card["question"], card["card_json"], card["due"], card["updated_at"]),
                )
            for h in help_rows:
                c.execute(
                    "INSERT INTO help_taken (question, kind, hint_index, taken_at, attempt_id) VALUES (?, ?, ?, ?, ?)",
                    (h["question"], h["kind"], h["hint_index"], h["taken_at"], cur.lastrowid),
                )
            for f in asked:
                insert_follow_up(c, {**f, "attempt_id": cur.lastrowid})
            return cur.lastrowid

    @reads
    def export_rows(self) -> dict[str, list[dict[str, Any]]]:
        """Every attempt, card, help and follow-up row as it is stored, oldest first; grades as JSON text."""
        tables = (
            ("attempts", "started_at, id"),
            ("cards", "question"),
            ("help_taken", "id"),
            ("follow_ups", "attempt_id, position"),
        )
        rows = {
            table: [dict(r) for r in self.conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]  # noqa: S608
            for table, order in tables
        }
        for row in (*rows["attempts"], *rows["follow_ups"]):
            row["grade_json"] = grade_as_text(row["grade_json"])
        return rows

    def import_rows(self, data: dict[str, list[dict[str, Any]]]) -> tuple[int, int]:
        """Add an export's rows in one transaction; returns (attempts added, attempts already here).

        An attempt is the same attempt when its question, mode and start time are: importing an
        export twice adds nothing. A card replaces ours only when it was updated later.
        """
        added = skipped = 0
        new_ids: dict[int, int] = {}
        fresh: set[int] = set()  # attempts added now: only they take the export's follow-ups
        with self.write() as c:
            for row in data.get("attempts", []):
                same = c.execute(
                    "SELECT id FROM attempts WHERE question=? AND mode=? AND started_at=?",
                    (row["question"], row["mode"], row["started_at"]),
                ).fetchone()
                if same is not None:
                    skipped += 1
                    new_ids[int(row.get("id") or 0)] = int(same[0])
                    continue
                columns = [k for k in ATTEMPT_COLUMNS if k in row]
                cur = c.execute(
                    f"INSERT INTO attempts ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",  # noqa: S608
                    [compact_grade(row[k]) if k == "grade_json" else row[k] for k in columns],
                )
                assert cur.lastrowid is not None
                new_ids[int(row.get("id") or 0)] = cur.lastrowid
                fresh.add(cur.lastrowid)
                added += 1
            for card in data.get("cards", []):
                c.execute(
                    "INSERT INTO cards (question, card_json, due, updated_at) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT(question) DO UPDATE SET card_json=excluded.card_json, due=excluded.due,"
                    " updated_at=excluded.updated_at WHERE excluded.updated_at > cards.updated_at",
                    (card["question"], card["card_json"], card["due"], card["updated_at"]),
                )
            for help_row in data.get("help_taken", []):
                attempt = help_row.get("attempt_id")
                attempt_id = None if attempt is None else new_ids.get(int(attempt))
                same = c.execute(
                    "SELECT 1 FROM help_taken WHERE question=? AND kind=? AND taken_at=?",
                    (help_row["question"], help_row["kind"], help_row["taken_at"]),
                ).fetchone()
                if same is None:
                    c.execute(
                        "INSERT INTO help_taken (question, kind, hint_index, taken_at, attempt_id)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (
                            help_row["question"],
                            help_row["kind"],
                            help_row.get("hint_index"),
                            help_row["taken_at"],
                            attempt_id,
                        ),
                    )
            for f in data.get("follow_ups", []):
                attempt_id = new_ids.get(int(f.get("attempt_id") or 0))
                if attempt_id in fresh:
                    insert_follow_up(
                        c, {**f, "attempt_id": attempt_id, "grade_json": compact_grade(f.get("grade_json"))}
                    )
        return added, skipped

    def reset(self, question: str | None = None) -> int:
        """Forget a question's attempts, card and help (all of them with None); returns attempts removed."""
        where, args = ("WHERE question=?", (question,)) if question is not None else ("", ())
        with self.write() as c:
            removed = int(c.execute(f"SELECT COUNT(*) FROM attempts {where}", args).fetchone()[0])  # noqa: S608
            c.execute(f"DELETE FROM follow_ups WHERE attempt_id IN (SELECT id FROM attempts {where})", args)  # noqa: S608
            for table in ("help_taken", "attempts", "cards"):
                c.execute(f"DELETE FROM {table} {where}", args)  # noqa: S608
        return removed
