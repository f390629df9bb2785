"""How every command runs, whatever it does: its errors become one line and the exit code they name,
TERM and HUP end it as Ctrl-C does, and a closed stdout ends the output, not the command."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from typer.core import TyperGroup

from interview_prep.errors import ExitCode, PrepError


class JsonUsageErrors(TyperGroup):
    """With --json, a usage error (an unknown option, a value out of range) is JSON on stderr too,
    like every other error, with the same exit code (2)."""

    def main(self, args: Any = None, standalone_mode: bool = True, **extra: Any) -> Any:  # type: ignore[override]
        argv = list(sys.argv[1:] if args is None else args)
        if not standalone_mode or "--json" not in argv:
            return super().main(args, standalone_mode=standalone_mode, **extra)
        from typer._click.exceptions import ClickException
        from typer.exceptions import Abort

        from interview_prep.views import console

        try:
            code = super().main(args, standalone_mode=False, **extra)
        except ClickException as e:
            console.error(e.format_message(), as_json=True, code=e.exit_code)
            sys.exit(e.exit_code)
        except Abort:
            console.error("interrupted.", as_json=True, code=ExitCode.INTERRUPTED)
            sys.exit(ExitCode.INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)


@contextmanager
def user_errors(*, as_json: bool = False) -> Iterator[None]:
    """Turn the core's errors into one line on stderr (with `as_json`, one JSON object) and the exit
    code they name. SIGTERM and SIGHUP end a command as Ctrl-C does, so that what it was doing is saved
    or cleaned up; a closed stdout (`| head -1`, a pager quit) ends the output, not the command."""
    from interview_prep.interrupts import signals_as_interrupts
    from interview_prep.views import console

    try:
        with signals_as_interrupts():
            yield
    except PrepError as exc:
        console.error(exc.message, as_json=as_json, code=exc.code)
        raise typer.Exit(exc.code) from None
    except KeyboardInterrupt:
        console.error("interrupted.", as_json=as_json, code=ExitCode.INTERRUPTED)
        raise typer.Exit(ExitCode.INTERRUPTED) from None


def run(command: Callable[[], ExitCode], *, as_json: bool = False) -> NoReturn:
    """Run one command of commands/ and exit with the code it returns, or the one its error names."""
    from interview_prep.views import console

    code = ExitCode.OK  # what a read ends with when its reader stops reading first
    with user_errors(as_json=as_json), console.output_may_close():
        code = command()
    raise typer.Exit(code)
