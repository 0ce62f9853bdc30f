"""Help that reads like a well-kept command line: the typer command classes of ``saidwhat``.

typer renders every parameter with its Python type (``--json <bool>``, ``{paths}...``,
``<list[str]>``). These classes show flags bare, values as ``NAME``/``N``/``FILE`` metavars and
arguments in the usage line as ``PATH...`` / ``[QUERY]``, as git or httpie do.
"""

from __future__ import annotations

from typing import Any

import typer.core
from typer import _click

# the metavar of an option whose declaration gives none, by its type
_METAVARS = {"int": "N", "float": "X", "str": "TEXT", "path": "FILE"}


def _tidy(params: list[Any], ctx: _click.Context) -> list[Any]:
    for p in params:
        if isinstance(p, typer.core.TyperOption):
            if p.is_flag:
                p.metavar = ""
            elif p.metavar is None:
                label = p.display_type(ctx).strip("<>")
                p.metavar = _METAVARS.get(label.split(" ")[0], label.upper())
        elif isinstance(p, typer.core.TyperArgument):
            if p.metavar is None:
                p.metavar = (p.name or "ARG").upper() + ("..." if p.nargs != 1 else "")
            setattr(p, "display_type_rich", _no_type)  # noqa: B010 (the name says it all)
    return params


def _no_type(ctx: _click.Context) -> None:
    return None


def _usage(arg: typer.core.TyperArgument) -> str:
    name = arg.metavar or (arg.name or "ARG").upper()
    return name if arg.required else f"[{name}]"


class Command(typer.core.TyperCommand):
    """A command whose help shows flags without a type and arguments by metavar."""

    def get_params(self, ctx: _click.Context) -> list[Any]:
        return _tidy(list(super().get_params(ctx)), ctx)

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        pieces += [_usage(p) for p in self.get_params(ctx) if isinstance(p, typer.core.TyperArgument)]
        return pieces


class Group(typer.core.TyperGroup):
    """The ``saidwhat`` group: its own options (``--version``, completion) shown the same way."""

    def get_params(self, ctx: _click.Context) -> list[Any]:
        return _tidy(list(super().get_params(ctx)), ctx)


def examples(*lines: str) -> str:
    """The epilog of a command's help: one example command line per paragraph."""
    return "Examples:\n\n" + "\n\n".join(f"  $ {line}" for line in lines)
