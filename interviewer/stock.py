"""Stock phrases: the sentences of a long answer that sound like an answer and say nothing.

"This is a really important question", "we need to think holistically about all the stakeholders", "it's a
journey", "find the right balance": a verbose, empty answer is made of them, and it reuses the question's
words, so relevance and concept checks alone score it like a thin real answer. Answers that earn a 4 or 5
use them rarely: on the tuning sets, 302 of 303 such answers of 120+ words have none (evals/README.md).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Each is a phrase that carries no decision, number or mechanism of its own. Phrases strong answers also use
# in earnest ("key stakeholders", "it's important to", "we need to make sure", "the right metrics", "balancing
# X against Y", "the heart of the problem", "user journey", "meaningful human oversight", "fundamental
# rights") are left out, or kept only in their stock framing ("it depends." with nothing it depends on).
_STOCK = re.compile(
    r"\b(?:"
    r"(?:(?:really|very)\s+)?(?:great|good|interesting|important|tricky|complex|big)\s+question|holistic(?:ally)?|"
    r"at\s+the\s+end\s+of\s+the\s+day|one[-\s]size[-\s]fits[-\s]all|it\s+(?:really\s+|all\s+)?depends(?:\s*[.,;]|\s+on\s+(?:a\s+lot|many))|"
    r"(?:the\s+)?right\s+balance|strike\s+a\s+balance|data[-\s]driven|"
    r"(?:a|an|the|this|our)\s+(?:long\s+|continuous\s+|ongoing\s+)?journey|"
    r"best\s+practices?|move\s+the\s+needle|low[-\s]hanging\s+fruit|synerg\w+|game[-\s]?changer|paradigm|"
    r"thoughtful(?:ly)?|meaningfully|multifaceted|first\s+and\s+foremost|"
    r"(?:it'?s|it\s+is)\s+(?:absolutely\s+)?(?:vital|paramount|indispensable)|"
    r"the\s+right\s+(?:things?|processes|people|way|decisions?|tools?)|"
    r"a\s+lot\s+of\s+(?:factors|things|considerations)|many\s+(?:factors|considerations)|(?:mission|vision)\s+and\s+values|"
    r"long[-\s]term\s+vision|(?:all|the\s+various)\s+(?:the\s+|of\s+the\s+)?stakeholders|stakeholders?\s+involved|"
    r"align(?:ed|ment)?\s+with\s+(?:the\s+)?(?:company'?s\s+|firm'?s\s+|business\s+|our\s+)?(?:strategic\s+)?"
    r"(?:goals|objectives|strategy|mission)|"
    r"(?:a|the)\s+(?:whole|entire|broader)\s+ecosystem|iterative\s+process|"
    r"continuous(?:ly)?\s+(?:improv\w+|refin\w+|learn\w+|iterat\w+)|human\s+element|"
    r"(?:in|with)\s+a\s+(?:responsible|sustainable|meaningful|thoughtful)\s+way|(?:gets?|go(?:es)?)\s+(?:right\s+)?(?:at|to)\s+the\s+heart|"
    r"at\s+its\s+core|win[-\s]win|robust\s+and\s+reliable|(?:deliver|unlock|drive)\s+(?:real\s+|more\s+)?(?:value|impact)|"
    r"value\s+(?:for|to)\s+(?:all|everyone)|there'?s\s+no\s+(?:silver\s+bullet|single\s+answer|easy\s+answer)|"
    r"(?:think|thinking)\s+(?:about|through)\s+(?:this|it)\s+(?:carefully|holistically|strategically)|"
    r"(?:comprehensive|well[-\s]rounded|structured\s+and\s+thoughtful)\s+approach|through\s+the\s+lens\s+of|"
    r"on\s+the\s+same\s+page|ahead\s+of\s+the\s+curve|harness(?:ing)?\s+the\s+power|user[-\s]centric|"
    r"seamless(?:ly)?|as\s+much\s+an?\s+\w+\s+as\s+an?\s+\w+|fabric\s+of|not\s+(?:just\s+)?a\s+box\s+to\s+tick|"
    r"paint\s+a\s+(?:complete|full|clear)\s+picture|from\s+(?:multiple|many|all)\s+angles|raise\s+the\s+bar|"
    # session 16 (fresh24's verbose, empty build-vs-buy answer)
    r"pros\s+and\s+cons|(?:the\s+)?right\s+stakeholders|(?:an?\s+)?informed\s+decisions?|"
    r"(?:stay|remain)\s+(?:flexible|agile|nimble)|(?:ai|tech(?:nology)?)\s+landscape\s+is\s+(?:changing|evolving)|"
    r"depends\s+on\s+(?:the\s+company'?s|your|our|the\s+organi[sz]ation'?s)\s+(?:overall\s+)?(?:strategy|priorities|goals|needs)|"
    r"align\s+on\s+what\s+matters|what\s+makes\s+sense\s+(?:today|now|for\s+the\s+business)"
    r")\b",
    re.IGNORECASE,
)


def stock_phrase(sentence: str) -> str | None:
    """The first stock phrase in a sentence, as written, or None."""
    m = _STOCK.search(sentence)
    return m.group(0) if m else None


class Stock(NamedTuple):
    """How much of an answer is stock phrasing."""

    share: float  # in whichever half of the answer has less of it
    sentences: int  # sentences with a stock phrase, in all
    first: str | None  # the first phrase, as written, for the feedback


def stock_share(sentences: list[str]) -> Stock:
    """Sentences with a stock phrase: their share in the emptier half of the answer, their count, the first phrase."""
    # the emptier half: an answer made of them has them from start to end; a real answer with a paragraph of
    # filler before or after it does not
    found = [stock_phrase(s) for s in sentences]
    if not found:
        return Stock(0.0, 0, None)
    half = len(found) // 2
    first, second = found[: max(1, half)], found[half:]
    share = min(sum(map(bool, first)) / len(first), sum(map(bool, second)) / len(second))
    return Stock(share, sum(map(bool, found)), next((p for p in found if p), None))
