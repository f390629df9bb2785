"""prep: interview practice for new-grad machine-learning engineers."""

__version__ = "0.1.0"
