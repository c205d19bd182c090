"""Whether an answer to a question that asks for a recommendation declines to make one.

The rubric's recommendation anchor 1 is "no recommendation, or 'it depends' with no resolution". An answer can weigh
every option well and still end "I'd need to know the budget before making a final call": its other dimensions earn
their credit, but it has not answered the question (fresh28-035, gold 3, graded 5 on the session-18 start code).
"""

from __future__ import annotations

import re

# a deferral in the candidate's own voice: "before making a final call", "each option has merit", "it really depends"
_DEFERS = re.compile(
    r"\bbefore\s+(making|i\s+make|we\s+make|committing\s+to|i\s+commit\s+to)\s+(a\s+|the\s+|any\s+)?(final\s+)?"
    r"(call|decision|choice|recommendation)\b|\b(each|every)\s+(option|approach|path)\s+has\s+(its\s+)?(own\s+)?"
    r"(merits?|pros)\b|\b(all|both)\s+(options|approaches|paths)\s+have\s+(their\s+)?merits?\b|"
    r"\bno\s+one[- ]size\b|\bit\s+really\s+depends\b|\bdepends\s+on\s+(a\s+lot\s+of|many|several)\s+(things|factors)\b",
    re.I,
)
# a position taken after all: "I'd go with the self-hosted model", "my recommendation: buy"
_POSITION = re.compile(
    r"\b(i'?d|i\s+would|i\s+will|i'?ll|we'?d|we\s+would|we'?ll|we\s+will|we\s+should|my|our|i)\s+(strongly\s+)?(recommend|"
    r"recommendation|suggest|go\s+(with|for)|choose|pick|start\s+with|bet\s+on|opt\s+for|lean\s+towards?|back|build|buy|"
    r"fine-tune|use|self-host|host)\b|\bi'?m\s+going\s+(with|for)\b|\bmy\s+(call|pick|choice|vote)\b|"
    r"\b(recommendation|decision|verdict|answer)\s*[:\-–—]",
    re.I,
)


def declines(sentences: list[str]) -> bool:
    """Whether an answer (its sentences, in order) ends by deferring the decision it was asked for and takes no
    position anywhere.

    Only a deferral in the last two sentences counts: "It really depends on volume; at this volume buying wins" opens
    an answer that goes on to decide.
    """
    ending = " ".join(sentences[-2:])
    return _DEFERS.search(ending) is not None and not any(_POSITION.search(s) for s in sentences)
