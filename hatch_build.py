"""Hatchling build hook: the AIF reader's optional C accelerator goes into wheels built from a checkout.

A wheel (``pip install /path/to/argmap``) gets the accelerator compiled for the Python building it and
is tagged for that platform; an editable install (``pip install -e``, as ``make`` runs it) gets it built
in place, beside its source. Where it cannot be built (no C compiler, no Python headers) the build says
why and goes on: the wheel is then pure Python, and so is the reader. The compiling is
``tools/build_speedups.py``'s, which ``make`` also runs.
"""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _builder(root: str) -> ModuleType:
    path = Path(root) / "tools" / "build_speedups.py"
    spec = importlib.util.spec_from_file_location("argmap_build_speedups", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compiles ``argmap/formats/aif/_speedups.c`` for wheel builds (see the module's docstring)."""

    _folder: str | None = None

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        try:
            self._compile(version, build_data)
        except Exception as exc:  # an optional part must never fail the install
            self.app.display_warning(f"argmap: the C accelerator was not built ({exc!r})")

    def _compile(self, version: str, build_data: dict[str, Any]) -> None:
        builder = _builder(self.root)
        if version == "editable":
            builder.main()  # in place, as make builds it
            return
        self._folder = tempfile.mkdtemp(prefix="argmap-speedups-")
        target = Path(self._folder) / builder.target_name()
        reason = builder.build(target)
        if reason is not None:
            self.app.display_warning(f"argmap: the C accelerator is not in this wheel ({reason})")
            return
        build_data["force_include"][str(target)] = f"argmap/formats/aif/{target.name}"
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
