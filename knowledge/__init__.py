"""Answers from policy documents: retrieval, composition and verification."""
