"""NumPy for the grading modules, imported the first time it is used.

A pure-Python drill (23-28: strings, trees) is graded without NumPy in the parent, as in its child:
the import is a seventh of such a grade. `np` stands for the module (any attribute imports NumPy
and is NumPy's); `loaded()` says whether it is imported, for the checks that ask "is this an
array?" of a value, which can only be one once NumPy is. The modules import it as

    if TYPE_CHECKING:
        import numpy as np
    else:
        from interview_prep.grading.lazynp import np

so mypy checks the real module.
"""

from __future__ import annotations

import sys
from typing import Any


class _Numpy:
    def __getattr__(self, name: str) -> Any:
        import numpy

        value = getattr(numpy, name)
        setattr(self, name, value)  # the next look-up is a plain attribute, not this method
        return value


np: Any = _Numpy()


def loaded() -> bool:
    """Whether NumPy is imported: before that, no value is a NumPy array or scalar."""
    return "numpy" in sys.modules
