"""Question files for the bank tests: one good written question and one coding question template."""

import textwrap

GOOD = textwrap.dedent(
    """\
    id: my-question
    number: 101
    title: My question
    category: fundamentals
    kind: written
    difficulty: easy
    time_limit_minutes: 5
    prompt: What is overfitting?
    how_to_answer: Say it.
    what_they_look_for: Clarity.
    rubric:
      pass_mark: 50
      min_words: 10
      key_points:
        - id: definition
          description: Defines it.
          weight: 1
          phrases: ["fits the noise"]
      misconceptions: []
    """
)

CODING = textwrap.dedent(
    """\
    id: my-code
    number: 102
    title: Code it
    category: coding
    kind: coding
    difficulty: easy
    time_limit_minutes: 5
    prompt: Write f.
    how_to_answer: Write it.
    what_they_look_for: Tests.
    suite: {suite}
    functions:
      - name: f
        signature: "def f(x)"
        docstring: Returns x.
    starter: |
      def f(x):
          raise NotImplementedError
    """
)
