"""Load a map, look around it, and convert it from YAML to JSON.

Usage: ``python examples/inspect_and_convert.py [MAP] [OUTPUT_DIR]`` (defaults: the example map
in ``maps/`` and ``build/examples``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import argmap

__all__ = ["main"]

DEFAULT_MAP = Path(__file__).resolve().parent.parent / "maps" / "example-remote-work.yaml"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_MAP
    out = Path(argv[2]) if len(argv) > 2 else Path("build/examples")
    amap = argmap.load(path)
    print(
        f"{amap.title}: {len(amap.propositions)} propositions, {len(amap.inferences)} inferences, "
        f"{len(amap.attacks)} attacks"
    )
    for pole in amap.poles:
        factors = amap.factors(pole.id)
        print(f"pole {pole.label}: thesis {pole.thesis}, {len(factors)} factors")
        if pole.thesis is not None:
            print(f"  supported by: {', '.join(amap.supporters(pole.thesis)) or '-'}")
            print(f"  attacked by:  {', '.join(amap.attackers(pole.thesis)) or '-'}")
    for theme in amap.themes:
        sides = sorted({p.pole or "-" for p in amap.by_theme(theme.id)})
        print(f"theme {theme.label}: poles {', '.join(sides)}")
    target = argmap.dump(amap, out / (path.stem + ".json"))
    assert argmap.load(target) == amap  # the JSON form holds exactly the same map
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
