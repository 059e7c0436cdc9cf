"""The index of every way known organisations are written, and lookups in it.

Immutable: ``with_names``/``extended`` return a new registry, so one instance serves every
thread of a chat server. Three indexes: exact (case-folded, accents kept, so "Habo" and "Håbo"
stay apart), loose (accents dropped, where that is unambiguous) and compact (no spaces, for web
addresses and file names: "regionskane").
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import TypeVar

from knowledge.org_names import ORGANISATION, PLACE, fold
from knowledge.organisation import Mention, Organisation

__all__ = ["Registry"]

_WORD = re.compile(r"\w+")
_JOIN = re.compile(r"[ \t\u00a0\u2010-\u2015-]*\n?[ \t\u00a0\u2010-\u2015-]*")
_KIND_RANK = {"kommun": 0, "region": 1}

_Entry = tuple[Organisation, str] | None  # None: two organisations share this alias
_K = TypeVar("_K", str, tuple[str, ...])


class Registry:
    """Aliases of known organisations; immutable, so one instance serves every thread."""

    def __init__(self, organisations: Iterable[Organisation] = ()) -> None:
        self._orgs: dict[str, Organisation] = {}
        self._exact: dict[tuple[str, ...], _Entry] = {}
        self._loose: dict[tuple[str, ...], _Entry] = {}
        self._compact: dict[str, _Entry] = {}
        self._starts: set[str] = set()  # first words of aliases, to skip other words fast
        self._longest = 1
        for org in organisations:
            self._add(org)

    @property
    def organisations(self) -> list[Organisation]:
        return list(self._orgs.values())

    def with_names(self, names: Iterable[str]) -> Registry:
        """This registry plus an unlisted organisation for each name that does not resolve."""
        extra = [Organisation.unlisted(n) for n in names
                 if n.strip() and self.resolve(n, fuzzy=False) is None]
        return self.extended(extra)

    def extended(self, organisations: Iterable[Organisation]) -> Registry:
        new = Registry()
        new._orgs, new._longest = dict(self._orgs), self._longest
        new._exact, new._loose = dict(self._exact), dict(self._loose)
        new._compact, new._starts = dict(self._compact), set(self._starts)
        for org in organisations:
            new._add(org)
        return new

    def _add(self, org: Organisation) -> None:
        self._orgs[org.name] = org
        for alias, cls in org.forms().items():
            exact = tuple(fold(alias).split())
            if not exact:
                continue
            self._longest = max(self._longest, len(exact))
            _put(self._exact, exact, org, cls)
            loose = tuple(fold(alias, accents=False).split())
            self._starts.update((exact[0], loose[0]))
            _put(self._loose, loose, org, cls)
            _put(self._compact, "".join(loose), org, cls)

    def _lookup(self, exact: tuple[str, ...], loose: tuple[str, ...]) -> _Entry:
        if exact in self._exact:
            return self._exact[exact]
        return self._loose.get(loose)

    def resolve(self, text: str, *, fuzzy: bool = True) -> Organisation | None:
        """The organisation ``text`` names: an exact alias (case and accents ignored where that
        is unambiguous), else with ``fuzzy`` one clearly closest alias (typos: "Göteborj")."""
        exact = tuple(fold(text).split())
        if not exact:
            return None
        loose = tuple(fold(text, accents=False).split())
        entry = self._lookup(exact, loose)
        if entry is not None:
            return entry[0]
        return self._fuzzy(" ".join(loose)) if fuzzy and len(" ".join(loose)) >= 5 else None

    def resolve_compact(self, word: str) -> Organisation | None:
        """An exact alias written without spaces or accents, as in web addresses and file
        names: "regionskane", "upplandsvasby", "goteborg"."""
        entry = self._compact.get(fold(word, accents=False).replace(" ", ""))
        return entry[0] if entry is not None else None

    def suggest(self, text: str, n: int = 3) -> list[Organisation]:
        """Organisations whose names are close to ``text``, for a "did you mean" message."""
        return self._close(fold(text, accents=False), n, 0.6)[:n]

    def _close(self, key: str, n: int, cutoff: float) -> list[Organisation]:
        keys = {" ".join(k): e[0] for k, e in self._loose.items() if e is not None}
        found: list[Organisation] = []
        for match in difflib.get_close_matches(key, list(keys), n=4 * n, cutoff=cutoff):
            if keys[match] not in found:
                found.append(keys[match])
        return found

    def _fuzzy(self, key: str) -> Organisation | None:
        keys = {" ".join(k): e[0] for k, e in self._loose.items() if e is not None}
        scored = sorted(((difflib.SequenceMatcher(None, key, k).ratio(), k) for k in
                         difflib.get_close_matches(key, list(keys), n=8, cutoff=0.84)),
                        reverse=True)
        if not scored:
            return None
        best = keys[scored[0][1]]
        rival = next((r for r, k in scored if keys[k] != best), 0.0)
        return best if scored[0][0] - rival >= 0.04 else None

    def stored_name(self, typed: str, stored: Iterable[str]) -> str | None:
        """Which stored municipality name ``typed`` means: "Gothenburg" -> "Göteborg", and in
        a store from an older version also "Falun" -> "Falu" (both name the same organisation).
        Build the registry with ``with_names(stored)`` so unlisted stored names resolve too."""
        org = self.resolve(typed)
        if org is None:
            return None
        return next((n for n in stored if self.resolve(n, fuzzy=False) == org), None)

    def named_in(self, text: str, stored: Iterable[str]) -> list[str]:
        """The stored names of the organisations a question names, in order, in any case and
        form ("vad säger göteborgs stad", "Falun's policy"). Only stored organisations are
        looked for, so a lower-case common word is not taken for some other municipality."""
        by_org: dict[Organisation, str] = {}
        for name in stored:
            org = self.resolve(name, fuzzy=False)
            if org is not None:
                by_org.setdefault(org, name)
        found = Registry(by_org).find_in_text(text, places=True, any_case=True)
        return list(dict.fromkeys(by_org[m.organisation] for m in found))

    def find_in_text(self, text: str, *, places: bool = False,
                     any_case: bool = False) -> list[Mention]:
        """Organisations named in ``text`` ("Falu kommun", "I Halmstads kommun", "Region
        Västernorrland"), left to right, longest form first. Bare place names ("Falun",
        "Skåne") count only with ``places``; generic words ("regionen") never do, and unless
        ``any_case`` a form must carry a capital letter ("vara kommun" is not Vara)."""
        words = list(_WORD.finditer(text))
        folded: dict[str, tuple[str, str]] = {}  # word -> (exact, loose) keys, folded once
        keys = [folded.get(w.group()) or folded.setdefault(
            w.group(), (fold(w.group()), fold(w.group(), accents=False))) for w in words]
        found: list[Mention] = []
        i = 0
        while i < len(words):
            hit = None
            if keys[i][0] in self._starts or keys[i][1] in self._starts:
                hit = self._match_at(text, words, keys, i, places, any_case)
            if hit is None:
                i += 1
                continue
            org, n = hit
            found.append(Mention(org, words[i].start(), words[i + n - 1].end()))
            i += n
        return found

    def _match_at(self, text: str, words: list[re.Match[str]], keys: list[tuple[str, str]],
                  i: int, places: bool, any_case: bool) -> tuple[Organisation, int] | None:
        for n in range(min(self._longest, len(words) - i), 0, -1):
            span = words[i:i + n]
            if any(not _JOIN.fullmatch(text, a.end(), b.start()) for a, b in zip(
                    span, span[1:], strict=False)):
                continue
            entry = self._lookup(tuple(k[0] for k in keys[i:i + n]),
                                 tuple(k[1] for k in keys[i:i + n]))
            if entry is None:
                continue
            org, cls = entry
            tokens = [w.group() for w in span]
            if cls == PLACE and not places:
                continue
            capital = tokens[0][:1].isupper() if cls == PLACE else any(
                t[:1].isupper() for t in tokens)
            if any_case or capital:
                return org, n
        return None


def _put(index: dict[_K, _Entry], key: _K, org: Organisation, cls: str) -> None:
    if key not in index:
        index[key] = (org, cls)
        return
    old = index[key]
    if old is None:
        return
    if old[0] == org:
        index[key] = (org, ORGANISATION if ORGANISATION in (cls, old[1]) else PLACE)
        return
    rank_new = (cls != ORGANISATION, _KIND_RANK.get(org.kind, 2), not org.listed)
    rank_old = (old[1] != ORGANISATION, _KIND_RANK.get(old[0].kind, 2), not old[0].listed)
    if rank_new != rank_old:
        index[key] = (org, cls) if rank_new < rank_old else old
    else:
        index[key] = None
