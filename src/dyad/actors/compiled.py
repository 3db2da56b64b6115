"""A compiled copy of the actor tables on disk, so a process loads them in a fraction of a second.

Building the indexes from the TSV files takes seconds once the converted dictionaries are in;
unpickling the built tables takes a fraction of that. The copy is keyed on every source file's
path, size and modification time (dyad's tables, the generated ones, a user's ``--data-dir``)
and on the code that builds them, so any edit rebuilds it. It lives in ``$DYAD_CACHE_DIR``, else
``$XDG_CACHE_HOME/dyad``, else ``~/.cache/dyad``; a cache that can't be read or written is
ignored (the tables are built from the files, as without it).
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Compiled copies kept at once (dyad's own tables plus a few users' data folders).
KEEP = 6
#: Bump when the pickled structure changes in a way file times can't show.
CACHE_FORMAT = 1


def cache_dir() -> Path:
    if os.environ.get("DYAD_CACHE_DIR"):
        return Path(os.environ["DYAD_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dyad"


def cache_key(files: Iterable[Path]) -> str:
    """A digest of the files' paths, sizes and modification times, the code and Python version."""
    digest = hashlib.sha1(f"{CACHE_FORMAT} {sys.version}".encode())
    code = Path(__file__).resolve().parent
    for path in sorted({*files, *code.glob("*.py")}):
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:20]


def cached(name: str, files: Iterable[Path], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier run with the same ``files``."""
    if os.environ.get("DYAD_NO_CACHE"):
        return build()
    files = list(files)
    path = cache_dir() / f"{name}-{cache_key(files)}.pickle"
    try:
        with path.open("rb") as f:
            data = f.read()
        # the tables are ~10^5 small objects and no cycles: the collector only slows their load
        enabled = gc.isenabled()
        gc.disable()
        try:
            return pickle.loads(data)
        finally:
            if enabled:
                gc.enable()
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError) as exc:
        log.warning("ignoring unreadable actor-table cache %s: %s", path, exc)
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # keep the newest few (one per set of data folders in use), drop the rest
        olds = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in olds[KEEP - 1:]:
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError) as exc:
        log.warning("can't write actor-table cache %s: %s", path, exc)
    return value
