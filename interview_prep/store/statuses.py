"""The one list of attempt statuses."""

# "in-progress" is what a crash (not a Ctrl-C) leaves behind.
IN_PROGRESS = "in-progress"
GRADED = "graded"
ABANDONED = "abandoned"

STATUSES = (IN_PROGRESS, GRADED, ABANDONED)
