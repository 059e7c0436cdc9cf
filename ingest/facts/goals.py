"""Which goals apply: the kind of goal a section states, and each goal's own text and label.

The section heading says what kind of statement follows ("Syfte", "Övergripande mål",
"Prioriterade områden", "Strategier", "Vad vi vill uppnå"); each list item, labelled paragraph
("Ungdom: …") or goal-like sentence under it is one goal. A lead-in ("… är att:") is not a goal,
and neither is a follow-up duty written in the same section (obligations handle those).
"""

from __future__ import annotations

import re

# A heading naming an outside framework ("Agenda 2030", "De globala målen"): what the policy
# commits to under it is how the work is steered, a strategy; the framework's description is not.
_FRAMEWORK = re.compile(r"agenda\s*2030|globala\s+mål|hållbarhetsmål", re.I)
_KIND_BY_HEADING: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"priorit|insatsområde|fokusområde", re.I), "priority"),
    (_FRAMEWORK, "strategy"),
    (re.compile(r"\bvision", re.I), "vision"),
    (re.compile(r"syfte|varför", re.I), "purpose"),
    (re.compile(r"\bmål|vill\s+uppnå|målsättning", re.I), "overall"),
    (re.compile(r"strategi(?!\s+för)|utgångspunkt|förhållningssätt|princip|arbetsmetod|arbetssätt|"
                r"inriktning", re.I), "strategy"),
]
_GOAL_MARKER = re.compile(
    r"\b(ska|skall|bör|mål\w*|syft\w*|bidra\w*|vill|strävan|strävar|viktigt|krävs|"
    r"prioriter\w*|främja\w*|verka\w*|stärka|utveckla|uppnå\w*|vision\w*)\b", re.I)
_NAMES_ITSELF = re.compile(r"\b(policy\w*|strategi\w*|syfte\w*)\b", re.I)
_CONTINUATION = re.compile(r"^(detta|det|dessutom|därmed|därigenom)\b", re.I)
_LABEL = re.compile(r"^\s*(?:[-*•–]\s+|\d{1,2}[.)]\s+)?(?:\*\*)?([A-ZÅÄÖ][^:.!?\n]{1,40}?)"
                    r"(?:\*\*)?:(?:\*\*)?\s+\S")
_PRINCIPLE_LEAD = re.compile(r"utgå\s+från|utgångspunkt|princip|förhållningssätt", re.I)
# "Målen ska nås genom att kommunen", "Detta sker genom:": the items are means, not more ends.
_MEANS_LEAD = re.compile(r"\b(?:nås|uppnås|nå|uppnå|förverkliga\w*|sker|görs)\s+(?:[a-zåäö]+\s+)?"
                         r"genom\b|\bgenom\s*(?:att\s*(?:[\wåäö]+\s*)?)?:?$", re.I)
_DIRECTIVE = re.compile(r"\b(?:ska|skall|bör|vill|strävar)\b", re.I)
# "Kommunens vision är …", "Vår vision", "Visionen för …": a vision under whatever heading.
_VISION = re.compile(r"^(?:(?:[\wåäö:-]+s|vår|den)\s+)?(?:[a-zåäö]+a\s+)?vision(?:en)?\b", re.I)
_COUNT_LEAD = re.compile(r"\b(två|tre|fyra|fem|sex|sju|åtta|nio|tio|\d+)\s+(\w+\s+)?(mål|"
                         r"områden|syften)\b|följande", re.I)
_NOISE = re.compile(r"^[\W\d]*$|^(datum|dnr|diarienummer|sida)\b", re.I)


def section_goal_kind(section: str) -> str:
    """The goal kind a section heading announces, or "" when it states no goals."""
    for pattern, kind in _KIND_BY_HEADING:
        if pattern.search(section):
            return kind
    return ""


def label_of(text: str) -> str:
    m = _LABEL.match(text)
    if not m:
        return ""
    label = m.group(1).strip()
    return label if len(label.split()) <= 5 else ""


def states_vision(text: str) -> bool:
    return bool(_VISION.match(text))


def is_framework(section: str) -> bool:
    return bool(_FRAMEWORK.search(section))


def is_goal_sentence(text: str, first_in_section: bool, kind: str,
                     directive_only: bool = False) -> bool:
    if _NOISE.search(text.strip()) or len(text.split()) < 4:
        return False
    if directive_only:
        return bool(_DIRECTIVE.search(text))
    if kind == "purpose" and first_in_section and _NAMES_ITSELF.search(text):
        return True
    return bool(_GOAL_MARKER.search(text))


def is_continuation(text: str) -> bool:
    return bool(_CONTINUATION.match(text)) and not _GOAL_MARKER.search(text)


def kind_for_list(section_kind: str, lead_in: str) -> str:
    if section_kind and (_PRINCIPLE_LEAD.search(lead_in) or _MEANS_LEAD.search(lead_in.strip())):
        return "strategy"
    return section_kind


def announces_goals(text: str) -> bool:
    """A sentence that only announces the goals that follow ("… har fyra mål.")."""
    t = text.strip()
    return t.endswith(":") or (bool(_COUNT_LEAD.search(t)) and len(t.split()) <= 14)
