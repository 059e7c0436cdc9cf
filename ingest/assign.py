"""Municipalities given by the person ingesting, which beat detection.

Two ways, both shown in the ingest report: ``policyguide ingest --municipality NAME PATH…`` for
every file of that run, and, for a batch of folders, a ``municipality.txt`` file in a folder
holding the name on one line (lines starting with ``#`` are comments): it applies to the files in
that folder and its subfolders, up to the folder given to ingest; the nearest one wins.
A plain text file is something anyone can make in Explorer or Finder, unlike a hidden
configuration file. A name that is not a listed Swedish municipality or region is accepted as
a new organisation, and the report says so.
"""

from __future__ import annotations

from pathlib import Path

from ingest.municipality import Guess
from knowledge.municipalities import Organisation, Registry, fold

MUNICIPALITY_FILE = "municipality.txt"


class AssignmentError(ValueError):
    """A given municipality name that cannot be used (empty, unreadable file)."""


def assigned(name: str, registry: Registry, how: str) -> Guess:
    """The organisation ``name`` stands for, resolved like a user's question would be."""
    clean = " ".join(name.split())
    if not clean:
        raise AssignmentError(f"The municipality name is empty ({how}); give a name such as "
                              "'Falun' or 'Region Skåne'.")
    org = registry.resolve(clean)
    if org is None:
        org = Organisation.unlisted(clean)
        return Guess(org, f"{how}; '{clean}' is not a listed Swedish municipality or region, so "
                          f"it is stored as a new organisation '{org.name}'")
    if fold(clean, accents=False) != fold(org.name, accents=False):
        how = f"{how} ('{clean}' read as {org.name})"
    return Guess(org, how)


def is_assignment_file(path: Path) -> bool:
    return path.name.casefold() == MUNICIPALITY_FILE


def folder_assignment(path: Path, root: Path | None, registry: Registry) -> Guess | None:
    """The nearest ``municipality.txt`` from the file's folder up to the ingest root."""
    folder = path.resolve().parent
    top = root.resolve() if root is not None and root.is_dir() else folder
    while True:
        marker = folder / MUNICIPALITY_FILE
        if marker.is_file():
            return assigned(_read_name(marker), registry, f"given in {marker}")
        if folder == top or folder.parent == folder or not folder.is_relative_to(top):
            return None
        folder = folder.parent


def _read_name(marker: Path) -> str:
    try:
        lines = marker.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise AssignmentError(f"Cannot read {marker}: {exc}") from exc
    return next((line.strip() for line in lines if line.strip() and not line.startswith("#")),
                "")
