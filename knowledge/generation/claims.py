"""What a sentence of a generated answer claims, in forms that can be looked up in a source.

A claim is something a reader would act on and a model likes to invent: a body (who decides),
a number, date or amount, a municipality, a quoted phrase, a negation. Each reader works on
Swedish and English text alike, because an English answer cites Swedish passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.lexicon import body_mentions
from knowledge.query import fold

CITE = re.compile(r"\[(\d+(?:\s*[,;–-]\s*\d+)*)\]")
# Thousands written with spaces ("40 000") are one number; "2020-03-19" is three.
_NUMBER = re.compile(r"(?<![\w])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+")
_QUOTED = re.compile(r"[\"“”„«»]([^\"“”„«»]{12,}?)[\"“”«»]")
_NEGATION = re.compile(r"\b(inte|ej|icke|aldrig|ingen|inget|inga|varken|not|never|no|none|"
                       r"nor|neither|cannot|can't|don't|doesn't|isn't|aren't|won't|mustn't)\b",
                       re.I)
# "Ja, …" / "No, …": a verdict on the question that no quote can show
_POLARITY = re.compile(r"^\W*(ja|jo|nej|yes|no)\b(?!-)", re.I)
_MONTHS = {m: i for names in (
    "januari februari mars april maj juni juli augusti september oktober november december",
    "january february march april may june july august september october november december")
    for i, m in enumerate(names.split(), start=1)}
_MONTH_WORD = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.I)
# English names of the fixed bodies, and English unit phrases ("the culture committee").
_EN_HEADS = ("council|board|committee|department|office|unit|administration|authority|"
             "secretariat|presidium|chair|chairman|chairperson|mayor|director|manager|"
             "management|assembly|commissioner|division|sector")
_EN_BODY = re.compile(rf"\b(?:[a-z-]+\s+){{0,3}}(?:{_EN_HEADS})s?\b", re.I)
_EN_FILLER = {"the", "a", "an", "its", "their", "each", "every", "any", "all", "of", "that",
              "this", "which", "who", "and", "or", "by", "to", "for", "with", "in", "on",
              "is", "are", "be", "was", "decides", "signs", "approves", "must", "may", "shall",
              "should", "responsible", "relevant", "own", "respective"}


@dataclass(frozen=True)
class Sentence:
    text: str  # without its citation marks
    cites: tuple[int, ...]


def sentences(answer: str) -> list[Sentence]:
    """The answer's sentences with the excerpt numbers each one cites. A citation written
    after the full stop ("… nätverk. [1]") belongs to the sentence before it."""
    pieces = re.split(r"(?<=[.!?;])\s+|\n+", answer.strip())
    for i in range(len(pieces) - 1):  # a lead-in ("Enligt policyn:") goes with what follows
        if pieces[i].rstrip().endswith(":"):
            pieces[i + 1] = pieces[i].rstrip() + " " + pieces[i + 1].lstrip(" -•*\t")
            pieces[i] = ""
    out: list[Sentence] = []
    for piece in pieces:
        piece = piece.strip(" -•*\t")
        lead = re.match(r"(?:\s*\[[\d,;\s–-]+\])+", piece)
        if lead and out:  # "… ges. [2][3] Mer text": the marks close the sentence before
            prev = out[-1]
            more = tuple(n for group in CITE.findall(lead.group()) for n in _numbers(group))
            out[-1] = Sentence(prev.text, prev.cites + more)
            piece = piece[lead.end():].strip()
        if not piece:
            continue
        cites = tuple(n for group in CITE.findall(piece) for n in _numbers(group))
        text = CITE.sub(" ", piece).strip()
        if out and re.fullmatch(r"[\s.,;:]*", text):
            prev = out[-1]
            out[-1] = Sentence(prev.text, prev.cites + cites)
            continue
        out.append(Sentence(re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"\s+", " ", text)), cites))
    return out


def _numbers(group: str) -> list[int]:
    parts = [int(p) for p in re.findall(r"\d+", group)]
    if re.search(r"[–-]", group) and len(parts) == 2 and 0 < parts[1] - parts[0] < 10:
        return list(range(parts[0], parts[1] + 1))
    return parts


def numbers(text: str) -> set[int]:
    """Every number written in digits, thousands groups joined, leading zeros dropped."""
    out = {int(re.sub(r"\D", "", m.group())) for m in _NUMBER.finditer(text)}
    out.update(_MONTHS[m.lower()] for m in _MONTH_WORD.findall(text))
    return out


def quoted(text: str) -> list[str]:
    return [q.strip() for q in _QUOTED.findall(text)]


def yes_or_no(text: str) -> bool:
    return bool(_POLARITY.match(text))


def negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def bodies(text: str, topic: str = "") -> set[tuple[str, str]]:
    """(Swedish canonical name, English name) of the bodies named in Swedish or by
    abbreviation ("KS"). A unit named by its noun counts by that noun ("internationella
    nätverk" and "nätverk" are one), and a word the question itself is about is no body."""
    found = set()
    for matched, swedish, english in body_mentions(text, topic):
        key = fold(swedish) if swedish else fold(matched).split()[-1]
        found.add((key, _en_key(english)))
    return found


def english_bodies(text: str) -> set[str]:
    """Body phrases an English sentence uses ("the municipal executive board")."""
    return {key for m in _EN_BODY.finditer(text) if (key := _en_key(m.group()))}


def _en_key(phrase: str) -> str:
    """The name's own words: those after the last filler ("reports to the council": council)."""
    words: list[str] = []
    for word in reversed(fold(re.sub(r"\(.*?\)", " ", phrase)).split()):
        if word in _EN_FILLER:
            break
        words.insert(0, word)
    return " ".join(words)


def english_supported(claim: str, names: set[str]) -> bool:
    """"executive board" is one of the named bodies if some name ends with it, or it ends
    with the name ("culture committee" for "the committee")."""
    if not claim:
        return True
    return any(name == claim or name.endswith(" " + claim) or claim.endswith(" " + name)
               for name in names if name)
