"""One file in, one Document out: text, metadata and a stable identity.

Why the id comes from the path under the ingest root and not the file stem: municipalities
name their files alike ("internationell-policy.pdf"), and two folders of them must not
overwrite each other. The key starts with the root folder's own name, so ingesting a folder,
or a file in it directly, gives the same key ("falun/internationell-policy.pdf").
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ingest.loaders import UnreadableFileError, load_file
from ingest.metadata import detect_metadata
from ingest.municipality import Guess
from ingest.normalize import content_hash, file_hash, normalise_text
from knowledge.models import Document
from knowledge.municipalities import Registry, load_registry

MB = 1024 * 1024


def document_key(path: Path, root: Path | None = None) -> str:
    """The file's path under the ingest root, led by the root folder's name."""
    path = path.resolve()
    top = root.resolve() if root is not None and root.is_dir() else path.parent
    if not path.is_relative_to(top) or path == top:
        return path.name
    return f"{top.name}/{path.relative_to(top).as_posix()}" if top.name else path.name


def document_id(path: Path, root: Path | None = None) -> str:
    """A readable id from the key: "policies/falun/policy.pdf" -> "policies-falun-policy-pdf"."""
    key = document_key(path, root)
    ascii_key = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_key.lower()).strip("-") or "document"


def folder_names(path: Path, root: Path | None) -> list[str]:
    """The file's name, then its folders' names up to the ingest root, nearest first."""
    names = [path.name]
    if root is None or not root.is_dir():
        return names
    top, folder = root.resolve(), path.resolve().parent
    while folder.is_relative_to(top):
        names.append(folder.name)
        if folder == top:
            break
        folder = folder.parent
    return names


def check_size(path: Path, max_bytes: int) -> None:
    """Refuse a file over the limit before reading a byte of it, saying how to change it."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # load_file() says what is wrong with it
    if size > max_bytes:
        raise UnreadableFileError(
            path, f"the file is {size / MB:.1f} MB; the limit is {max_bytes / MB:g} MB "
                  "(POLICYGUIDE_MAX_FILE_MB). Is it one policy? Split it, or raise the limit.")


def read_document(path: Path, *, root: Path | None = None, registry: Registry | None = None,
                  municipality: Guess | None = None, max_bytes: int = 20 * MB) -> Document:
    """Read and describe one file; ``municipality`` overrides detection (given by the user)."""
    check_size(path, max_bytes)
    text = normalise_text(load_file(path, max_bytes=max_bytes))
    meta = detect_metadata(text, path.name, registry=registry or load_registry(),
                           file_names=folder_names(path, root), municipality=municipality)
    return Document(
        id=document_id(path, root), municipality=meta.municipality, title=meta.title,
        kind=meta.kind, source=str(path.resolve()), content_hash=content_hash(text), text=text,
        date=meta.date, adopted_by=meta.adopted_by, dnr=meta.dnr,
        official_name=meta.official_name, municipality_source=meta.municipality_how,
        valid=meta.valid, replaces=meta.replaces, source_hash=file_hash(path),
    )
