"""Issue 10: readings added after the ninth independent set's inversions were read (2026-12-04).

Each rule is tested in the set's wording's kind, in other words than the set's, and against the true
sentences of the same shape that it must leave alone.
"""

from __future__ import annotations

import pytest

from tests.written.verdicts import verdicts as _verdicts


@pytest.mark.parametrize(
    ("qid", "text", "kp_id", "verdict"),
    [
        # the point's words named, its claim then said the wrong way round in the same sentence
        ("spam-pipeline", "I'd split by time, but train on the newest mail and test on the oldest.", "temporal-split",
         "contradicted"),
        ("spam-pipeline", "We'd use a time-based split, but train on the latest month and evaluate on the earliest ones.",
         "temporal-split", "contradicted"),
        ("spam-pipeline", "I'd split by time: train on the older mail and test on the newest.", "temporal-split",
         "asserted"),
        ("spam-pipeline", "I'd split by time, training on the older mail and testing on the newer mail.",
         "temporal-split", "asserted"),
    ],
)  # fmt: skip
def test_what_a_clause_says_of_the_point(qid: str, text: str, kp_id: str, verdict: str) -> None:
    assert _verdicts(qid, text)[kp_id] == verdict
