"""What the pronoun reader (antecedents.py), the story-point reader (topics.py) and the case reader (cases.py)
promise, in isolation from the rest of the grader."""

from __future__ import annotations

from interview_prep.bank import load_bank
from interview_prep.grading.written.antecedents import resolve_pronouns
from interview_prep.grading.written.segments import analyse
from interview_prep.grading.written.topics import denied_points, is_story, topics


def _words(text: str) -> list[tuple[str, ...]]:
    return [seg.words for seg in resolve_pronouns(analyse(text))]


def test_an_opening_it_takes_the_subject_of_the_sentence_before() -> None:
    second = _words("A deeper tree fits the training data more closely. It lowers variance.")[1]
    assert second == ("a", "deeper", "tree", "lowers", "variance")


def test_a_subject_with_a_relative_clause_is_taken_whole() -> None:
    second = _words("A learning rate that is too large is harmless. It makes the loss settle.")[1]
    assert second[:7] == ("a", "learning", "rate", "that", "is", "too", "large")


def test_they_takes_the_pair_the_sentence_before_names_when_its_subject_is_singular() -> None:
    second = _words("Batch norm has a scale gamma and a shift beta. They are learned.")[1]
    assert second[:7] == ("a", "scale", "gamma", "and", "a", "shift", "beta")


def test_an_it_that_stands_for_nothing_is_left_alone() -> None:
    for text in (
        "A deeper tree overfits. It is not true that it has lower variance.",
        "A deeper tree overfits. It turns out pruning helps.",
        "I trained the model. It overfit.",  # the subject is a pronoun itself
    ):
        assert _words(text)[1][0] == "it", text


def test_the_quote_of_a_resolved_sentence_is_what_was_written() -> None:
    seg = resolve_pronouns(analyse("A stump is simple. It has low bias."))[1]
    assert seg.text == "It has low bias."
    assert len(seg.spans) == len(seg.words)


def test_story_topics_are_words_only_one_point_uses_and_not_the_prompt() -> None:
    question = load_bank().get("project-deep-dive")
    assert is_story(question)
    table = topics(question)
    assert "split" in table["data"]
    assert "verifi" in table["fix-verified"]
    every = [stem for stems in table.values() for stem in stems]
    assert len(every) == len(set(every))  # no word is the topic of two points
    assert not is_story(load_bank().get("bias-variance"))  # a rubric with claims is about what is true


def test_a_story_point_is_denied_by_never_or_a_judgement_of_worth_but_not_by_a_reasoned_choice() -> None:
    question = load_bank().get("project-deep-dive")
    table = topics(question)

    def denied(text: str) -> list[str]:
        return [kp for seg in analyse(text) for kp, _, _ in denied_points(seg, table)]

    assert denied("I never verified the fix.") == ["fix-verified"]
    assert denied("How the data was split did not matter to us.") == ["data"]
    assert denied("We did not split randomly, because users appeared in both sets.") == []
    assert denied("I never evaluated on the test set during development.") == []  # the setting may be denied
    assert denied("I didn't expect the score to be that high.") == []  # an attitude
