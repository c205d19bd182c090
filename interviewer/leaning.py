"""Text that may not raise a rule grade: what leans towards the grader without being sure enough to remove.

The detector (injection.py) removes what it is sure of. The rest is graded, but the rule grader also grades the
answer without what leans towards the grader and keeps the lower grade (rules.RuleGrader.grade), so a missed plea
can lower nothing and raise nothing. Two kinds of text lean:
- anywhere, a sentence about grading, spoken by or to someone, that the word model reads as a request at LEANING;
- at either edge of an answer, a note pasted before or after it: the lines up to its first (or from its last) line
  of answer text, when one of them reads as a request at EDGE_GUARD. Such notes lifted borderline answers a point
  through words the rubric credits ("First time using this tool", "the assessment step is bypassed",
  "| Trade-offs | 5 |"): 97 inflated pairs over every injection file before, 29 after (evals/README.md, item 20).
"""

from __future__ import annotations

from . import injection_model
from .injection import readable
from .injection_text import Span, line_spans, sentence_spans

# the lowest level at which no gold answer's grade changes; at 0.5 a fair closing line ("So: buy now, see how it
# does.") was graded without and the answer lost a point (fresh8-025)
EDGE_GUARD = 0.6
# a table row or a config key ("| **Final (locked)** | **5** |") is two or three words: a surer reading is needed
SHORT_GUARD = 0.75
_FEW_WORDS = 4


def without_leaning(text: str) -> str:
    """The text without what leans towards the grader (see the module docstring); itself if nothing does."""
    spans = _leaning_sentences(text) | _edge_notes(text)
    if not spans:
        return text
    merged: list[Span] = []
    for a, b in sorted(spans):  # a sentence may lie inside a line that goes whole
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    kept, pos = [], 0
    for a, b in merged:
        kept.append(text[pos:a] + "\n")  # a line break, so the sentences on either side are never joined into one
        pos = b
    kept.append(text[pos:])
    return "".join(kept)


def _leaning_sentences(text: str) -> set[Span]:
    return {
        (s, e)
        for a, b in line_spans(text)
        for s, e in sentence_spans(text, a, b)
        if (plain := readable(text[s:e])) is not None and injection_model.leans(plain)
    }


def _edge_notes(text: str) -> set[Span]:
    """Lines at each edge before the first line of answer text, if one reads as a note to the grader."""
    lines = [span for span in line_spans(text) if text[span[0] : span[1]].strip()]
    if len(lines) < 2:
        return set()
    out: set[Span] = set()
    for order in (lines, lines[::-1]):
        block: list[Span] = []
        leaning = False
        for a, b in order[:-1]:  # never the whole answer
            lean, content = _read_line(text, a, b)
            leaning = leaning or bool(lean)
            if content:  # the answer starts here: only its own leaning sentences go
                out.update(lean)
                break
            block.append((a, b))
        if leaning:
            out.update(block)
    return out


def _read_line(text: str, start: int, end: int) -> tuple[list[Span], bool]:
    """The line's sentences that read as a request to the grader, and whether it has any answer text."""
    lean: list[Span] = []
    content = False
    for s, e in sentence_spans(text, start, end):
        plain = readable(text[s:e])
        if plain is None:  # talk about attacks is the answer's own
            content = True
            continue
        n = len(injection_model.words(plain))
        if n >= _FEW_WORDS:
            if injection_model.probability(plain) >= EDGE_GUARD:
                lean.append((s, e))
            else:
                content = True
        elif n >= 2 and injection_model.probability(plain) >= SHORT_GUARD:
            lean.append((s, e))
    return lean, content
