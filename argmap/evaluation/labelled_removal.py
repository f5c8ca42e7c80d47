"""Grounded labels after removing one factor, recomputed only where the factor reaches.

Owns :class:`GroundedRemoval`, which :func:`argmap.evaluation.balance` uses under the grounded
and complete semantics (both read the grounded labelling) so that a balance costs about the
size of what each factor reaches instead of a whole evaluation per factor.

Why it is exact: removing proposition ``x`` from a map (:func:`~argmap.evaluation.without`)
removes ``x``, the grouping claims left with nothing to group, the inferences and reports that
need them, and their auxiliary arguments; a claim that loses every inference into it loses its
``~unsupported:`` attacker. Every other argument keeps its attackers. Grounded semantics is
directional (Baroni and Giacomin, *Artificial Intelligence* 171, 2007): the labels of a set of
arguments no outside argument attacks depend on that set alone, and it is SCC-recursive: each
strongly connected component's labels follow from its members and its attackers' labels. The
arguments not reachable from what changed keep their labels; the components downstream are
labelled again in topological order, and only while labels change. Maps where a removal
reaches further than the framework's arguments (rephrase classes, preferences, repeated ids)
are evaluated in full instead; a differential test compares the two on generated maps.

May import ``model``, ``af`` and the translation.
"""

from __future__ import annotations

import heapq

from argmap._graph import strongly_connected_ids
from argmap.af import Framework, grounded_labelling
from argmap.af.semantics import Label
from argmap.evaluation.translate import DENIES, NOT, UNSUPPORTED, members, to_framework, transparent
from argmap.model.core import ArgumentMap, SpeechAct

__all__ = ["GroundedRemoval"]

_VALUE = {Label.IN: 1.0, Label.UNDEC: 0.5, Label.OUT: 0.0}


class GroundedRemoval:
    """Thesis label values once one proposition is removed, under grounded semantics.

    ``GroundedRemoval.applies(amap)`` says whether the incremental way is exact for ``amap``;
    :meth:`theses_without` gives each pole's thesis value (1 in, 0.5 undecided, 0 out), or
    ``None`` for a pole without a thesis in the map.
    """

    def __init__(self, amap: ArgumentMap, framework: Framework | None = None) -> None:
        self.amap = amap
        framework = to_framework(amap) if framework is None else framework
        self.labels: dict[str, Label] = grounded_labelling(framework).as_dict()
        names = framework.arguments
        self.targets: dict[str, list[str]] = {name: [] for name in names}
        self.attackers: dict[str, list[str]] = {name: [] for name in names}
        for a, b in zip(framework.sources, framework.sinks, strict=True):
            self.targets[names[a]].append(names[b])
            self.attackers[names[b]].append(names[a])
        # Components in topological order (attackers first): Tarjan lists them the other way.
        self.members = strongly_connected_ids(names, self.targets)[::-1]
        self.component = {name: rank for rank, group in enumerate(self.members) for name in group}
        self.grouping = transparent(amap)
        # The framework's inferences into each conclusion (an UNSUPPORTED argument's attackers).
        self.support: dict[str, list[str]] = {}
        for name in names:
            if name.startswith(UNSUPPORTED):
                self.support[name[len(UNSUPPORTED) :]] = list(self.attackers[name])

    @staticmethod
    def applies(amap: ArgumentMap) -> bool:
        """Whether every removal from ``amap`` only removes arguments (see the module docstring)."""
        idx = amap.index
        unique = (
            len(idx.propositions) == len(amap.propositions)
            and len(idx.inferences) == len(amap.inferences)
            and len(idx.attributions) == len(amap.attributions)
        )
        ids = idx.propositions.keys()
        disjoint = ids.isdisjoint(idx.inferences) and ids.isdisjoint(idx.attributions)
        disjoint = disjoint and idx.inferences.keys().isdisjoint(idx.attributions)
        return unique and disjoint and not amap.preferences and not members(amap)

    def _removed(self, node: str) -> tuple[set[str], set[str]]:
        """The propositions and inferences :func:`~argmap.evaluation.without` takes out with ``node``."""
        amap = self.amap
        removed = {node}
        gone: set[str] = set()
        work = [node]
        while work:
            pid = work.pop()
            for inf in (*amap.inferences_from(pid), *amap.inferences_into(pid)):
                if inf.id in gone:
                    continue
                gone.add(inf.id)
                claim = inf.conclusion
                emptied = all(other.id in gone for other in amap.inferences_into(claim))
                if claim in self.grouping and claim not in removed and emptied:
                    removed.add(claim)
                    work.append(claim)
        return removed, gone

    def theses_without(self, node: str) -> dict[str, float | None]:
        """Each pole's thesis value once ``node`` is removed (``None``: no thesis in the map)."""
        removed, labels = self._after(node)
        out: dict[str, float | None] = {}
        for pole in self.amap.poles:
            thesis = pole.thesis
            if thesis is None or thesis in removed or thesis not in self.labels:
                out[pole.id] = None
            else:
                out[pole.id] = _VALUE[labels.get(thesis, self.labels[thesis])]
        return out

    def labels_without(self, node: str) -> dict[str, Label]:
        """The label of every proposition left once ``node`` is removed (linear: for checking)."""
        removed, labels = self._after(node)
        return {
            pid: labels.get(pid, self.labels[pid])
            for pid in self.amap.index.propositions
            if pid not in removed and pid in self.labels
        }

    def _after(self, node: str) -> tuple[set[str], dict[str, Label]]:
        """The propositions removed with ``node``, and the new labels of what the removal reaches."""
        amap = self.amap
        removed, gone_infs = self._removed(node)
        dropped = set(removed) | gone_infs
        for pid in removed:
            dropped.add(NOT + pid)
            dropped.add(UNSUPPORTED + pid)
            for report in amap.attributions_of(pid):
                dropped.add(report.id)
                if report.act is SpeechAct.DENIES:
                    dropped.add(DENIES + report.id)
        dropped &= self.labels.keys()
        seeds = {t for a in dropped for t in self.targets[a] if t not in dropped}
        # A conclusion left without any inference stands as a premise: its attacker goes.
        inferences = amap.index.inferences
        for claim in {inferences[i].conclusion for i in gone_infs}:
            support = self.support.get(claim)
            if claim not in dropped and support and all(i in dropped for i in support):
                dropped.add(UNSUPPORTED + claim)
                seeds.add(claim)
        return removed, self._relabel(seeds - dropped, dropped)

    def _relabel(self, seeds: set[str], dropped: set[str]) -> dict[str, Label]:
        """New grounded labels downstream of ``seeds``, component by component, while labels change.

        Strongly connected components are labelled in topological order, each given the labels
        of its attackers outside it (grounded semantics is SCC-recursive), and a component whose
        labels come out unchanged passes nothing on.
        """
        targets, component, members = self.targets, self.component, self.members
        new: dict[str, Label] = {}
        heap = list({component[s] for s in seeds})
        heapq.heapify(heap)
        queued = set(heap)
        while heap:
            rank = heapq.heappop(heap)
            group = [m for m in members[rank] if m not in dropped]
            for m, label in self._solve(group, dropped, new).items():
                if label is self.labels[m]:
                    continue
                new[m] = label
                for t in targets[m]:
                    later = component[t]
                    if later not in queued and t not in dropped:
                        queued.add(later)
                        heapq.heappush(heap, later)
        return new

    def _solve(self, group: list[str], dropped: set[str], new: dict[str, Label]) -> dict[str, Label]:
        """The grounded labels of ``group``, the labels of its other attackers given."""
        targets, attackers, fixed = self.targets, self.attackers, self.labels
        region = set(group)
        # live[a]: attackers of a not (yet) known to be out; an outside IN attacker decides a.
        live: dict[str, int] = {}
        outs: list[str] = []
        ins: list[str] = []
        for a in group:
            count = 0
            for b in attackers[a]:
                if b in dropped:
                    continue
                if b in region:
                    count += 1
                    continue
                label = new.get(b, fixed[b])
                if label is Label.IN:
                    outs.append(a)
                elif label is Label.UNDEC:
                    count += 1
            live[a] = count
            if count == 0:
                ins.append(a)
        labels: dict[str, Label] = {}
        while ins or outs:
            if outs:
                a = outs.pop()
                if a in labels:
                    continue
                labels[a] = Label.OUT
                for t in targets[a]:
                    if t in region and t not in labels:
                        live[t] -= 1
                        if live[t] == 0:
                            ins.append(t)
            else:
                a = ins.pop()
                if a in labels:
                    continue
                labels[a] = Label.IN
                outs.extend(t for t in targets[a] if t in region)
        for a in group:
            labels.setdefault(a, Label.UNDEC)
        return labels
