"""Stock phrases: the sentences of a long answer that sound like an answer and say nothing.

"This is a really important question", "we need to think holistically about all the stakeholders", "it's a
journey", "find the right balance": a verbose, empty answer is made of them, and it reuses the question's
words, so relevance and concept checks alone score it like a thin real answer. Answers that earn a 4 or 5
use them rarely: on the tuning sets, 341 of 345 such answers of 120+ words have none (evals/README.md).
"""

from __future__ import annotations

import re

# Each is a phrase that carries no decision, number or mechanism of its own. Words that strong answers also
# use in earnest ("stakeholders", "trade-off", "long-term contract") are only here inside their stock framing.
_STOCK = re.compile(
    r"\b(?:"
    r"(?:(?:really|very)\s+)?(?:great|good|interesting|important|tricky|complex|big)\s+question|holistic(?:ally)?|"
    r"at\s+the\s+end\s+of\s+the\s+day|one[-\s]size[-\s]fits[-\s]all|it\s+(?:really\s+|all\s+)?depends|"
    r"(?:the\s+)?right\s+balance|strike\s+a\s+balance|balanc\w+\s+(?:between|the\s+needs)|data[-\s]driven|journey|"
    r"best\s+practices?|move\s+the\s+needle|low[-\s]hanging\s+fruit|synerg\w+|game[-\s]?changer|paradigm|"
    r"thoughtful(?:ly)?|meaningful(?:ly)?|fundamental(?:ly)?|"
    r"(?:it'?s|it\s+is)\s+(?:also\s+)?(?:really\s+|very\s+|critically\s+)?(?:important|crucial|critical|essential|key)\s+(?:to|that)|"
    r"(?:we|you)\s+(?:need|have|want)\s+to\s+(?:make\s+sure|ensure|think|be\s+careful|consider)|"
    r"the\s+right\s+(?:things?|metrics|processes|approach|people|way|questions|decisions?|tools?)|"
    r"a\s+lot\s+of\s+(?:factors|things|considerations)|many\s+(?:factors|considerations)|(?:mission|vision)\s+and\s+values|"
    r"change\s+management|long[-\s]term\s+vision|in\s+the\s+long\s+run|"
    r"(?:all|the\s+various|different|key|relevant)\s+stakeholders|stakeholders?\s+involved|"
    r"align(?:ed|ment)?\s+with\s+(?:the\s+)?(?:company'?s\s+|firm'?s\s+|business\s+|our\s+)?(?:strategic\s+)?"
    r"(?:goals|objectives|strategy|mission)|"
    r"(?:a|the)\s+(?:whole|entire|broader)\s+ecosystem|iterative\s+process|"
    r"continuous(?:ly)?\s+(?:improv\w+|refin\w+|learn\w+|iterat\w+)|human\s+element|"
    r"(?:in|with)\s+a\s+(?:responsible|sustainable|meaningful|thoughtful)\s+way|put\s+\w+\s+first|(?:the\s+)?heart\s+of|"
    r"at\s+its\s+core|win[-\s]win|robust\s+and\s+reliable|deliver\s+(?:real\s+)?value|value\s+(?:for|to)\s+(?:all|everyone)|"
    r"there'?s\s+no\s+(?:silver\s+bullet|single\s+answer|easy\s+answer)|"
    r"(?:think|thinking)\s+(?:about|through)\s+(?:this|it)\s+(?:carefully|holistically|strategically)"
    r")\b",
    re.IGNORECASE,
)


def stock_phrase(sentence: str) -> str | None:
    """The first stock phrase in a sentence, as written, or None."""
    m = _STOCK.search(sentence)
    return m.group(0) if m else None


def stock_share(sentences: list[str]) -> tuple[float, str | None]:
    """How much of an answer, throughout, is stock phrasing, and its first stock phrase (for the feedback).

    The share of sentences with a stock phrase, in whichever half of the answer has fewer: an answer made of them
    has them from start to end, while a real answer with one paragraph of filler before or after it does not.
    """
    found = [stock_phrase(s) for s in sentences]
    if not found:
        return 0.0, None
    half = len(found) // 2
    first, second = found[: max(1, half)], found[half:]
    share = min(sum(map(bool, first)) / len(first), sum(map(bool, second)) / len(second))
    return share, next((p for p in found if p), None)
