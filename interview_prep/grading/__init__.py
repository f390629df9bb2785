"""Grading of answers: coding answers by hidden suites in a sandbox, written ones by rubric."""
