"""Generated answers: an LLM rewrites a checked extractive answer, and a verifier decides
whether the rewrite may be shown. The engine still decides whether to answer at all."""
