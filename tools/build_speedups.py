"""Build the AIF reader's optional C accelerator (argmap/formats/aif/_speedups.c) in place.

``make`` runs this after installing the package. It compiles with the compiler and flags the running
Python was built with (``sysconfig``), into the file name this Python imports
(``_speedups<EXT_SUFFIX>`` beside the source), writing a temporary file and renaming it, so an
interrupted build leaves no broken module behind. Where no compiler or no Python headers exist, it says
so in one line and exits 0: the reader then runs in pure Python (the same results, slower).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "argmap" / "formats" / "aif" / "_speedups.c"


def _skip(reason: str) -> int:
    print(f"argmap: the AIF reader's C accelerator was not built ({reason}); the pure-Python reader is used")
    return 0


def target_name() -> str:
    """The file name this Python imports the accelerator from."""
    return "_speedups" + (sysconfig.get_config_var("EXT_SUFFIX") or ".so")


def build(target: Path | None = None) -> str | None:
    """Compile the accelerator into ``target`` (by default in place, beside its source); None when it was
    built, else why it was not (nothing is left behind then)."""
    target = target or SOURCE.with_name(target_name())
    include = sysconfig.get_paths()["include"]
    if not (Path(include) / "Python.h").is_file():
        return f"no Python headers in {include}; on Debian: apt-get install python3-dev"
    link = shlex.split(sysconfig.get_config_var("LDSHARED") or "cc -shared")
    if shutil.which(link[0]) is None:
        # The compiler Python was built with may be named for its build machine; any cc will do.
        fallback = shutil.which(os.environ.get("CC", "cc"))
        if fallback is None:
            return "no C compiler; on Debian: apt-get install gcc"
        link[0] = fallback
    flags = shlex.split(sysconfig.get_config_var("CCSHARED") or "-fPIC")
    # -fwrapv and -fno-strict-aliasing as CPython itself is compiled; no -Werror: compilers differ.
    command = [*link, *flags, "-O2", "-DNDEBUG", "-fwrapv", "-fno-strict-aliasing", "-I", include]
    partial = target.with_name(target.name + ".partial")
    command += [str(SOURCE), "-o", str(partial)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        partial.unlink(missing_ok=True)
        return f"the compiler did not run: {exc}"
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        first = next((line for line in done.stderr.splitlines() if "error" in line), done.stderr.strip())
        return f"the compiler failed: {first[:300]}"
    os.replace(partial, target)
    return None


def main() -> int:
    target = SOURCE.with_name(target_name())
    # Built already from this source by this script (make asks again after a fresh install): nothing to do.
    newest = max(SOURCE.stat().st_mtime, Path(__file__).stat().st_mtime)
    if target.is_file() and target.stat().st_mtime >= newest:
        return 0
    reason = build(target)
    if reason is not None:
        return _skip(reason)
    print(f"built {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
