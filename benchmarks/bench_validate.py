"""How validation time grows with map size: time per 1,000 propositions at 1k, 10k and 100k.

Builds paradox-shaped maps (two poles, themes on both sides, evidence with citations and quotes,
linked and convergent support, rebuttals, undercuts, contradictions) and runs every rule,
quote checking included (each source has a text of its own). Prints the size, the best of a few
runs, the time per 1,000 propositions and its ratio to the smallest size: a ratio near 1 means
linear growth.

Run: ``.venv/bin/python benchmarks/bench_validate.py [--sizes 1000,10000,100000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import random
import time

from argmap.errors import Severity
from argmap.lint import validate
from argmap.model.core import (
    ArgumentMap,
    Attack,
    AttackKind,
    Citation,
    Inference,
    Pole,
    Proposition,
    Role,
    Source,
    Speaker,
    Theme,
)

__all__ = ["synthetic_map"]

_SYLLABLES = ["ka", "lo", "mi", "ren", "tu", "sha", "vo", "dek", "pri", "an", "gol", "zu"]


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    # A vocabulary as varied as a real text's, so quotes have rare words as real quotes do.
    return ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size)]


def synthetic_map(n: int, seed: int = 1) -> tuple[ArgumentMap, dict[str, str]]:
    """A valid map with about ``n`` propositions, and the texts of its sources."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    themes = [Theme(f"t{k}", f"Theme {k}") for k in range(12)]
    speaker = Speaker("A. Observer", "Institute")
    sources = [Source(f"s{k}", f"Source {k}", speakers=(speaker,)) for k in range(4)]
    texts: dict[str, list[str]] = {s.id: [] for s in sources}
    poles = [Pole("pa", "Attraction", "pa-thesis"), Pole("pb", "Estrangement", "pb-thesis")]
    props: list[Proposition] = [
        Proposition("pa-thesis", "The two are close.", Role.THESIS, pole="pa"),
        Proposition("pb-thesis", "The two drift apart.", Role.THESIS, pole="pb"),
    ]
    infs: list[Inference] = []
    attacks: list[Attack] = []
    factors: dict[str, list[str]] = {"pa": [], "pb": []}
    k = 0
    while len(props) < n - 2:
        pole = "pa" if k % 2 == 0 else "pb"
        theme = themes[(k // 2) % len(themes)].id
        fid, eid = f"f{k}", f"e{k}"
        source = sources[k % len(sources)].id
        quote = " ".join(rng.choice(words) for _ in range(8))
        texts[source].append(f"Paragraph {k}. They said that {quote}, and more.")
        props.append(Proposition(fid, f"Factor {k} about {theme}.", pole=pole, theme=theme))
        props.append(
            Proposition(
                eid,
                f"Evidence {k}.",
                Role.EVIDENCE,
                pole=pole,
                theme=theme,
                citation=Citation(source, f"para {k}", quote),
                speaker=speaker if k % 3 == 0 else None,
                contradicts=(f"e{k - 2}",) if k % 7 == 0 and k >= 2 else (),
            )
        )
        infs.append(Inference(f"ie{k}", (eid,), fid))
        # Chains: some factors support earlier factors of their pole (deep, acyclic support).
        earlier = factors[pole]
        if earlier and k % 4 < 2:
            infs.append(Inference(f"if{k}", (fid, eid), rng.choice(earlier)))
        else:
            infs.append(Inference(f"if{k}", (fid,), f"{pole}-thesis"))
        other = "pb" if pole == "pa" else "pa"
        if factors[other] and k % 5 == 0:
            target = rng.choice(factors[other])
            attacks.append(Attack(f"a{k}", eid, target, AttackKind.REBUT))
        if k % 9 == 0 and k >= 2:
            attacks.append(Attack(f"u{k}", fid, f"if{k - 1}", AttackKind.UNDERCUT))
        factors[pole].append(fid)
        k += 1
    props.append(Proposition("why", "Convenience explains both.", Role.EXPLANATION))
    props.append(Proposition("verdict", "An axis of convenience.", Role.VERDICT))
    infs.append(Inference("iv", ("pa-thesis", "pb-thesis", "why"), "verdict"))
    amap = ArgumentMap(
        "Synthetic paradox",
        sources=tuple(sources),
        poles=tuple(poles),
        themes=tuple(themes),
        propositions=tuple(props),
        inferences=tuple(infs),
        attacks=tuple(attacks),
    )
    return amap, {sid: "\n\n".join(parts) for sid, parts in texts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{'propositions':>12} {'inferences':>10} {'attacks':>8} {'best s':>9} {'ms/1k':>8} {'ratio':>6}")
    base: float | None = None
    for size in sizes:
        amap, texts = synthetic_map(size)
        best = float("inf")
        for _ in range(args.repeat):
            fresh = ArgumentMap(
                amap.title,
                sources=amap.sources,
                poles=amap.poles,
                themes=amap.themes,
                propositions=amap.propositions,
                inferences=amap.inferences,
                attacks=amap.attacks,
            )  # a new map, so the index is built (and timed) every run
            start = time.perf_counter()
            found = validate(fresh, source_texts=texts)
            best = min(best, time.perf_counter() - start)
        errors = [d for d in found if d.severity is Severity.ERROR]
        if errors:
            raise SystemExit(f"synthetic map is not valid: {errors[0]}")
        per_k = best / (len(amap.propositions) / 1000) * 1000
        base = base or per_k
        print(
            f"{len(amap.propositions):>12} {len(amap.inferences):>10} {len(amap.attacks):>8} "
            f"{best:>9.3f} {per_k:>8.2f} {per_k / base:>6.2f}"
        )


if __name__ == "__main__":
    main()
