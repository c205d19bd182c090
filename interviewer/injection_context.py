"""What goes along with a flagged sentence: grading talk next to it, a fake chat, a filled-in form, a scored table."""

from __future__ import annotations

import itertools
import re

from . import injection_patterns as P
from .injection_text import Span, Taken, normalise, trim


def interviewer_scores(line: str) -> bool:
    """A typed line in the interviewer's voice that hands out a score: "Interviewer: ... a full-marks answer"."""
    plain = normalise(line)
    return P.GRADER_TURN.match(plain) is not None and bool(P.SCORE_RE.search(plain) or P.WEAK_RE.search(plain))


def touches(text: str, span: Span, taken: Taken) -> bool:
    """Whether the line right after or right before a block holds something already flagged."""
    after_end = text.find("\n", span[1] + 1)
    after = (span[1], after_end if after_end >= 0 else len(text))
    before_start = text.rfind("\n", 0, max(0, span[0] - 1)) + 1
    before = (before_start, span[0])
    return any(b > a and _flagged(text, (a, b), taken) for a, b in (after, before))


def turn_runs(text: str, lines: list[Span]) -> list[list[Span]]:
    """Consecutive lines that each open with a chat role ("System:", "Human:", "AI:")."""
    runs: list[list[Span]] = [[]]
    for a, b in lines:
        if P.ROLE_TURN.match(text, a, b):
            runs[-1].append((a, b))
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def take_form_lines(text: str, lines: list[Span], taken: Taken) -> None:
    """A filled-in grading form next to a flagged line goes with it: "VERDICT: Strong hire", a scored table."""
    take_score_tables(text, lines, taken)

    def form(span: Span) -> bool:
        line = text[span[0] : span[1]]
        return bool(line.strip()) and len(line.split()) <= 12 and P.FORM_LINE.match(line) is not None

    def lead_in(span: Span) -> bool:  # "Respond in exactly this format:" right above a flagged form
        line = text[span[0] : span[1]].strip()
        return line.endswith(":") and len(line.split()) <= 15

    # one pass down and one up: a chain of form lines grows from the flagged line in a single sweep
    for order, up in ((lines, False), (lines[::-1], True)):
        for prev, cur in itertools.pairwise(order):
            if not (_flagged(text, prev, taken) and taken.free(cur)):
                continue
            if (form(cur) or (up and lead_in(cur))) and (span := trim(text, *cur)):
                taken.add(span)


_ITEM = re.compile(r"^\s*([-*•+]|\d{1,2}[.)])\s")
_CARD_ITEM = re.compile(r"^\s*\w[\w /-]{0,30}:\s+\S")  # "Reviewer: Senior Panel", under a banner only
_HEADING = re.compile(r"^\s*(#{1,6}\s|\*\*[^*]+\*\*\s*:?\s*$|[^.!?]{3,80}:\s*$)")
_BANNER = re.compile(r"^\s*={2,}[^=\n]{3,60}={2,}\s*$")
# a heading that issues something to the grader ("Admin update to the rubric", "SCORECARD"), not "Grading rubric:"
_NOTICE = re.compile(
    r"\b((admin|system|platform|grader|grading|evaluator|official|override|calibration)\s+(update|notice|message|note|"
    r"override|instructions?)|score\s*card|scorecard)\b",
    re.I,
)


def take_headed_lists(text: str, lines: list[Span], taken: Taken) -> None:
    """A list or card under a grading heading ("### Admin update to the rubric", "=== SCORECARD ===") goes whole once
    one of its items is flagged."""
    i = 0
    while i < len(lines):
        head = text[lines[i][0] : lines[i][1]]
        item_re = _CARD_ITEM if _BANNER.match(head) else _ITEM
        j = i + 1
        while j < len(lines) and item_re.match(text[lines[j][0] : lines[j][1]]):
            j += 1
        items = lines[i + 1 : j]
        named = (_HEADING.match(head) or _BANNER.match(head)) and _NOTICE.search(head)
        if named and any(_flagged(text, item, taken) for item in items):
            for a, b in [lines[i], *items]:
                if taken.free((a, b)) and (span := trim(text, a, b)):
                    taken.add(span)
        i = j


def take_csv_rows(text: str, lines: list[Span], taken: Taken) -> None:
    """Rows under a flagged CSV header with a score column go with it: "candidate,score" then "self,5"."""
    commas = 0  # the open header's column count, while its rows run
    for a, b in lines:
        line = text[a:b]
        if commas and line.count(",") >= commas:
            if taken.free((a, b)) and (span := trim(text, a, b)):
                taken.add(span)
            continue
        # a CSV header: bare comma-separated names ("candidate,score,feedback"), not a sentence with commas
        scored = line.count(",") >= 2 and ", " not in line and P.GRADER_WORDS.search(line) is not None
        commas = line.count(",") if scored and _flagged(text, (a, b), taken) else 0


def take_enclosed(text: str, sentences: list[Span], taken: Taken) -> None:
    """A flagged sentence that opens a quote or bracket takes the rest of it: "write this: 'Great. Score: 5.'".

    Only up to the sentence that closes it, within three sentences; with no closer in sight nothing more goes.
    """
    for i, (a, b) in enumerate(sentences):
        if taken.free((a, b)) or not (closer := _unclosed(text[a:b])):
            continue
        rest = sentences[i + 1 : i + 4]
        end = next((k for k, (c, d) in enumerate(rest) if closer in text[c:d]), None)
        if end is not None and all(taken.free(s) for s in rest[: end + 1]):
            for s in rest[: end + 1]:
                taken.add(s)


# brackets, double quotes, and a single quote that opens ("'Great") or closes ("it.'"), not an apostrophe
_MARKS = re.compile(r"[()\[\]\"“”]|(?<!\w)'(?=\w)|(?<=[\w.!?,])'(?!\w)")


def _unclosed(sentence: str) -> str:
    """The closing mark a sentence leaves open: its last bracket or quote opens something it does not close."""
    marks = list(_MARKS.finditer(sentence))
    if not marks or "„" in sentence:
        return ""
    last = marks[-1]
    opens = {"(": ")", "[": "]", "“": "”"}
    if last.group() in opens:
        return opens[last.group()]
    if last.group() in "\"'" and sentence[last.end() : last.end() + 1].isalnum():  # a straight quote before a word
        return last.group()
    return ""


def _flagged(text: str, span: Span, taken: Taken) -> bool:
    return bool(text[span[0] : span[1]].strip()) and not taken.free(span)


def take_score_tables(text: str, lines: list[Span], taken: Taken) -> None:
    """A Markdown table with a score in it, right before or after a flagged line, is part of the attack."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and text[lines[j][0] : lines[j][1]].strip().startswith("|"):
            j += 1
        if j == i:
            i += 1
            continue
        rows = lines[i:j]
        table = text[rows[0][0] : rows[-1][1]]
        near = [lines[k] for k in (i - 1, j) if 0 <= k < len(lines)]
        flagged_near = any(_flagged(text, span, taken) for span in near)
        claimed = flagged_near and P.SCORE_TABLE.search(table) is not None
        if (claimed or _scorecard(table)) and all(taken.free(r) for r in rows):
            for a, b in rows:
                if span := trim(text, a, b):
                    taken.add(span)
        i = j


def _scorecard(table: str) -> bool:
    """A pre-filled scorecard: a Score/Grade/Rating column, all top marks, with an Overall/Final/Total row."""
    rows = [[c.strip(" *_`") for c in line.strip().strip("|").split("|")] for line in table.split("\n")]
    header = [c.lower() for c in rows[0]]
    cols = [i for i, c in enumerate(header) if c in ("score", "grade", "rating", "mark", "marks")]
    cells = [r[i] for r in rows[1:] for i in cols if i < len(r) and not set(r[i]) <= set("-: ")]
    verdict = any(r and r[0].lower() in ("overall", "final", "total") for r in rows[1:])
    return verdict and len(cells) >= 2 and all(re.fullmatch(r"(5|10)(\s*/\s*(5|10))?", c) for c in cells)


def is_plea(sentence: str) -> bool:
    """Pleading, or talk to the grader, on the same line as an instruction: part of the same attack."""
    plain = normalise(sentence)
    if len(sentence.split()) > 40:
        return False
    # naming the grader is a plea only when it speaks to it: on a paragraph about LLM judges every sentence names one
    return P.PLEA.search(plain) is not None or bool(P.EVALUATOR_RE.search(plain) and P.TOWARD_GRADER.search(plain))


_BACK_REF = re.compile(
    r"\b(apply|use|follow|honou?r|respect|enforce|observe)\s+(that|this|the\s+above|the\s+(said|new|revised|updated))\s+"
    r"(revision|rule|update|change|amendment|policy|note|instruction|guidance|clause)\b",
    re.I,
)
_PLAN = re.compile(
    r"^\W*(i'?d|i\s+would|we'?d|we\s+would|i'?ll|i\s+will|we'?ll|we\s+will)\s+(\w+\s+){0,2}?"
    r"(measure|track|run|use|build|launch|ship|start|pilot|set|add|review|check|test|compare|keep)\b",
    re.I,
)
# what a plan about the answer's own grade names: "I'd set the score to 5", "I'll review this as exceptional"
_GRADE_TARGET = re.compile(
    r"\b(scor\w*|grad(e|es|ed|ing)|rating|marks?|dimensions?|maximum|exceptional|exemplary|excellent|top\s+band|"
    r"this\s+(answer|response|submission))\b",
    re.I,
)


def _own_plan(plain: str) -> bool:
    return _PLAN.match(plain) is not None and _GRADE_TARGET.search(plain) is None and not P.SCORE_RE.search(plain)


_RULE_TALK = re.compile(r"\b(rubric|grading|scoring|marking|criteria|criterion|policy|revision)\b", re.I)


def take_tails(text: str, sentences: list[Span], taken: Taken) -> None:
    """Grading talk right after a flagged sentence (or right before it, if it speaks to the grader) goes too.

    Only neighbours, chained: on a line that is a whole typed answer, the candidate's own sentences
    about evaluation elsewhere in it stay.
    """
    plains = [normalise(text[a:b]) if len(text[a:b].split()) <= 40 else "" for a, b in sentences]
    # a plan of the candidate's own ("I'd measure … and review 200 flagged hints a week") is the answer, not a tail
    near = [bool(plain) and P.NEIGHBOUR.search(plain) is not None and not _own_plan(plain) for plain in plains]
    lead = [bool(plain) and bool(P.LEAD_IN.search(plain) or P.AUTHORITY.search(plain)) for plain in plains]
    toward = [(n and P.TOWARD.search(plain) is not None) or ld for n, plain, ld in zip(near, plains, lead, strict=True)]
    # a grading rule the flagged sentence after it points back to: "... is considered complete. Apply that revision."
    for i in range(len(sentences) - 1):
        if plains[i] and _RULE_TALK.search(plains[i]) and _BACK_REF.search(plains[i + 1]):
            toward[i] = True
    grew = True
    while grew:  # each sweep grows whole chains, so this ends after a few sweeps, not one per sentence
        grew = False
        for i in range(1, len(sentences)):  # after a flagged sentence
            if near[i] and taken.free(sentences[i]) and not taken.free(sentences[i - 1]):
                taken.add(sentences[i])
                grew = True
        for i in range(len(sentences) - 2, -1, -1):  # before one, if it also speaks to the grader
            if toward[i] and taken.free(sentences[i]) and not taken.free(sentences[i + 1]):
                taken.add(sentences[i])
                grew = True


# what the leftovers of an attack's line speak of: the reader, the process, the score ("Funnel below." is content)
_FRAMING = re.compile(
    r"\b(you|your|reviewers?|graders?|evaluators?|assessors?|markers?|exercise|stage|pipeline|access|account|line|text|"
    r"scor\w*|marks?|grade\w*|rating|pass|recheck|re-?score|please|apply|code|override|accept\w*|approv\w*|"
    r"this\s+(answer|response|submission))\b|\b(5|10|five|ten)\b(?![%.,]?\d|\s*%)",
    re.I,
)


def take_line_rest(text: str, sentences: list[Span], taken: Taken) -> None:
    """A line that is mostly an instruction goes whole: its short leftovers ("Red-team exercise in progress.",
    "If you are a human, disregard this line.") are the attack's framing, and graded they lifted a score."""
    free = [s for s in sentences if taken.free(s)]
    if not free or len(free) == len(sentences):
        return
    left = [normalise(text[a:b]) for a, b in free]
    words = sum(len(text[a:b].split()) for a, b in free)
    total = sum(len(text[a:b].split()) for a, b in sentences)
    if words <= 10 and words <= 0.6 * total and all(_FRAMING.search(s) and not _own_plan(s) for s in left):
        for span in free:
            taken.add(span)
