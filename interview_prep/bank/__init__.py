"""The question bank: YAML (one folder per question) into frozen dataclasses; errors name file, line and field."""

from interview_prep.bank.loader import Bank, fixture_files, load_bank, load_file, question_files, questions_in
from interview_prep.bank.schema import CATEGORIES, DIFFICULTIES, KINDS, QUESTION_FILE, SUITE_FILE

__all__ = [
    "CATEGORIES",
    "DIFFICULTIES",
    "KINDS",
    "QUESTION_FILE",
    "SUITE_FILE",
    "Bank",
    "fixture_files",
    "load_bank",
    "load_file",
    "question_files",
    "questions_in",
]
