"""Walking a directory: the regular files under it, and a coded error for everything else it meets.

Entries are visited recursively in name order; hidden entries (``.name``) are passed over. Nothing
is skipped silently:

- a FIFO, socket or device is ``E_UNSUPPORTED`` (reading a FIFO would block the batch);
- a symbolic link whose target does not exist (or that loops) is ``E_PATH_MISSING``;
- a symbolic link to a file **outside** the directory given is ``E_LINK_OUTSIDE`` — a directory of
  articles cannot make saidwhat read ``~/.ssh/id_rsa`` — unless ``follow_links`` is set; a link to
  a file inside the tree is read;
- a symbolic link to a directory is not followed (a note says so) unless ``follow_links`` is set;
  then each real directory is read once (a note names those reached again), so link loops end;
- a directory that cannot be listed is ``E_READ``.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

from saidwhat.errors import SaidwhatError

_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _special_kind(mode: int) -> str:
    for test, name in _SPECIAL:
        if test(mode):
            return name
    return "not a regular file"


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def walk_files(
    root: Path, *, follow_links: bool = False, on_skip: Callable[[str], None] | None = None
) -> Iterator[Path | SaidwhatError]:
    """The regular files under ``root`` (as paths under ``root``), and an error for each entry skipped."""
    real_root = Path(os.path.realpath(root))
    yield from _walk(root, real_root, follow_links, on_skip, set())


def _walk(
    folder: Path,
    real_root: Path,
    follow_links: bool,
    on_skip: Callable[[str], None] | None,
    seen: set[Path],
) -> Iterator[Path | SaidwhatError]:
    real = Path(os.path.realpath(folder))
    if real in seen:  # reached again through a followed link: each directory is read once
        if on_skip is not None:
            on_skip(f"skipped {folder}: the directory {real} is already being read")
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield SaidwhatError("E_READ", f"cannot list the directory: {exc.strerror or exc}", str(folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_symlink():
            yield from _link(path, real_root, follow_links, on_skip, seen)
            continue
        try:
            mode = entry.stat(follow_symlinks=False).st_mode
        except OSError as exc:
            yield SaidwhatError("E_READ", f"cannot read the entry: {exc.strerror or exc}", str(path))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, real_root, follow_links, on_skip, seen)
        elif stat.S_ISREG(mode):
            yield path
        else:
            yield SaidwhatError(
                "E_UNSUPPORTED", f"{_special_kind(mode)}, not a regular file: skipped", str(path)
            )


def _link(
    path: Path,
    real_root: Path,
    follow_links: bool,
    on_skip: Callable[[str], None] | None,
    seen: set[Path],
) -> Iterator[Path | SaidwhatError]:
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except OSError:
        yield SaidwhatError(
            "E_PATH_MISSING",
            "a symbolic link whose target does not exist (or a link loop): skipped",
            str(path),
        )
        return
    if stat.S_ISDIR(mode):
        if not follow_links:
            if on_skip is not None:
                on_skip(f"skipped {path}: a symbolic link to a directory (--follow-links follows it)")
        else:
            yield from _walk(path, real_root, follow_links, on_skip, seen)
        return
    if not stat.S_ISREG(mode):
        yield SaidwhatError(
            "E_UNSUPPORTED",
            f"a symbolic link to {_special_kind(mode)}, not a regular file: skipped",
            str(path),
        )
    elif follow_links or _inside(target, real_root):
        yield path
    else:
        yield SaidwhatError(
            "E_LINK_OUTSIDE",
            f"a symbolic link to {target}, outside the directory being read: skipped "
            "(--follow-links reads it)",
            str(path),
        )
