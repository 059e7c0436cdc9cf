"""Line joining with hyphens, and page furniture, on small hand-made cases."""

from __future__ import annotations

import pytest

from ingest.dehyphenate import join_lines, vocabulary
from ingest.furniture import is_page_number, repeated_edge_lines, repeated_lines


@pytest.mark.parametrize(("lines", "joined"), [
    (["Kommun-", "styrelsen beslutar"], "Kommunstyrelsen beslutar"),
    (["Kultur-", "och fritids-", "nämnden ansvarar"], "Kultur- och fritidsnämnden ansvarar"),
    (["barn-", "eller ungdomsutbyten"], "barn- eller ungdomsutbyten"),
    (["för barn-", ", ungdoms- och vuxenutbyten"], "för barn-, ungdoms- och vuxenutbyten"),
    (["ansökan om EU-", "medel"], "ansökan om EU-medel"),
    (["sedan 1990-", "talet"], "sedan 1990-talet"),
    (["Öst-", "Europa"], "Öst-Europa"),
    (["nya e-", "tjänster"], "nya e-tjänster"),
    (["slutet.", "Nästa mening"], "slutet. Nästa mening"),
    (["  flera   mellanslag ", "här"], "flera mellanslag här"),
])
def test_join_lines(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_document_vocabulary_keeps_a_hyphen_the_document_writes() -> None:
    words = vocabulary(["Vi har ett vänorts-samarbete.", "Ett vänorts-samarbete till."])
    assert join_lines(["ett vänorts-", "samarbete"], words) == "ett vänorts-samarbete"
    assert join_lines(["ett vänorts-", "samarbete"]) == "ett vänortssamarbete"


@pytest.mark.parametrize("line", ["3", "- 3 -", "3 (10)", "3/10", "Sida 3", "Sida 3 av 10",
                                  "Sida 2 (3)", "sidan 4", "Page 2 of 5"])
def test_page_numbers(line: str) -> None:
    assert is_page_number(line)


@pytest.mark.parametrize("line", ["3. Ansvar", "Sidan visar målen", "2030 års mål", "§ 3"])
def test_not_page_numbers(line: str) -> None:
    assert not is_page_number(line)


def test_repeated_edge_lines_with_digits_normalised() -> None:
    pages = [["Xby kommun | Policy", *(f"Rad {i} på sidan {n}, med egen text {'x' * n}"
                                      for i in range(8)), f"Sida {n} (3)"] for n in (1, 2, 3)]
    assert repeated_edge_lines(pages) == {"xby kommun | policy", "sida # (#)"}
    assert repeated_edge_lines(pages[:1]) == set()


def test_repeated_lines_in_plain_text_spare_headings_and_sentences() -> None:
    lines = ["Xby kommun Internationell policy", "Mål", "Kommunen ska delta i nätverk."] * 3
    assert repeated_lines(lines) == {"xby kommun internationell policy"}
