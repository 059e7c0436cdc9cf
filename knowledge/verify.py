"""The last gate before an answer is shown: every quote must be verbatim in its document."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from knowledge.models import Citation, Document
from knowledge.text import collapse_ws

log = logging.getLogger(__name__)


def quote_is_verbatim(quote: str, document_text: str) -> bool:
    needle = collapse_ws(quote)
    return bool(needle) and needle in collapse_ws(document_text)


def verified(citations: list[Citation], documents: Mapping[str, Document]) -> list[Citation]:
    """Keep only citations whose quote occurs in the cited document; log any that do not."""
    kept = []
    for citation in citations:
        doc = documents.get(citation.doc_id)
        if doc is not None and quote_is_verbatim(citation.quote, doc.text):
            kept.append(citation)
        else:
            log.error("dropped a quote not found verbatim in %s: %.80r", citation.doc_id,
                      citation.quote)
    return kept
