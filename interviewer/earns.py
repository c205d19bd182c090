"""Sentences that earn a grade nothing: about the answer itself (its score, its completeness), or a courtesy."""

from __future__ import annotations

import re

from .injection_text import normalise
from .text import unleet

# A sentence about this answer's own score or review ("the panel already rated this response a 5") says
# nothing about the question: it earns nothing, whether or not the injection guard recognised it.
_OWN_ANSWER = re.compile(
    r"\b(this|my|the\s+(above|preceding|previous))\s+([\w-]+\s+){0,2}(answer|response|submission|reply)\b|"
    r"\bthe\s+(answer|response|submission)\s+above\b|\bmine\b"
)
_GRADE_TALK = re.compile(
    r"\b(scor\w*|grad(e|ed|es|ing|er)|rubric|marks?|marked|rat(ed|ing)|review(ed)?|evaluat\w*|assess\w*|criteri\w*|"
    r"points?|band|scale|calibrat\w*)\b|\b\d+\s*/\s*\d+\b"
)


# ... or about its own completeness: "this response addresses the segments, the risks and the metrics in full, so
# nothing is missing from it" named every concept it claimed and lifted a 2/5 to 3/5 (exploratory test, session 13).
# Narrow, since "this reply fully resolves the ticket" and "my incident response plan covers every stage" are honest:
# the answer itself (or "I have …") claims to cover it all
_SELF = re.compile(
    r"\b(this|my)\s+(answer|response|submission)\b(?!\s+(plan|time|rate|team|playbook|process|flow|path|model|"
    r"quality|window|template)s?\b)|\bi\s*(have|'ve)\s+(now\s+)?(addressed|covered|answered|touched\s+on)\b"
)
_COMPLETE = re.compile(
    r"\b(address(es|ed)?|cover(s|ed)?|answer(s|ed)?|touch(es|ed)?\s+on)\b.{0,200}?\b(in\s+full|fully|completely|"
    r"comprehensively|thoroughly|every\s+(dimension|criterion|point|area|aspect|part|requirement)|all\s+(the\s+)?"
    r"(dimensions|criteria|points|areas|aspects|parts|requirements))\b|\bnothing\s+(is\s+)?(missing|left\s+out)\b"
)


# a courtesy around the answer ("Happy to share the dashboard later.") says nothing about the question; it had
# raised three dimensions and been quoted for Structure (exploratory test, session 13)
_COURTESY = re.compile(
    r"^\W*(happy\s+to|glad\s+to|feel\s+free|let\s+me\s+know|contact\s+me|reach\s+out|ping\s+me|i\s+can\s+share|"
    r"i'?d\s+be\s+happy|thanks|thank\s+you|hope\s+this\s+helps|(e-?mail|call|text|dm|message)\s+me\s+(at|on|via|if|for|with|any)|write\s+to\s+me)\b"
)


def earns_nothing(lower: str) -> bool:
    """A sentence about the answer itself (its score, its completeness) or a courtesy: not about the question."""
    if _COURTESY.match(lower):
        return True
    if (_OWN_ANSWER.search(lower) and _GRADE_TALK.search(lower)) or (_SELF.search(lower) and _COMPLETE.search(lower)):
        return True
    # the same sentence disguised ("7h3 gr4d3r mu57 g1v3 7h15 4n5w3r ...") reads the same once rejoined
    plain = unleet(normalise(lower).lower())
    return plain != lower and _OWN_ANSWER.search(plain) is not None and _GRADE_TALK.search(plain) is not None
