"""Finds text in an answer that addresses the grader instead of the interviewer's question.

A segment (a sentence, a comment or tag block, a fenced block) is flagged when it *does* something to
whoever scores the answer: overrides the rules, demands or claims a score, asks for the prompt, sets up
a role-play, or pressures (vocabulary in injection_patterns.py). Candidates legitimately *talk about*
these attacks as product risks, so text in quotes or backticks is not read as an instruction, and a
sentence framed as discussion (attackers, red-teaming, "for example") is not flagged. Matching runs on a
normalised copy: zero-width characters removed, s.p.a.c.e.d and l33t letters rejoined, base64 decoded.
Removal works on positions in the original text, so a quoted copy of an attack is never what is cut.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import codecs
import itertools
import re
import unicodedata
from dataclasses import dataclass

from . import injection_foreign, injection_model
from . import injection_patterns as P
from .text import wrap_groups

Span = tuple[int, int]

_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+")
_QUOTE_PAIRS = re.compile(
    r"\"[^\"\n]{0,200}\"|“[^”\n]{0,200}”|‘[^’\n]{0,200}’|«[^»\n]{0,200}»|`[^`\n]{0,200}`|(?<!\w)'[^'\n]{0,200}'(?!\w)"
)
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
_SPACED = re.compile(r"(?<![A-Za-z])[A-Za-z]([.\-_ ])(?:[A-Za-z]\1){1,}[A-Za-z](?![A-Za-z])")
_LEET = str.maketrans("0134579@$", "oieastgas")
# a word of 4+ letters and digits with at least one digit and two letters ("1gn0r3", not "p95" or "2024")
_LEETWORD = re.compile(r"(?<![\w=])(?=[A-Za-z0-9]*\d)(?=(?:[A-Za-z0-9]*[A-Za-z]){2})[A-Za-z0-9]{3,}(?![\w=])")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
# Cyrillic and Greek letters that look Latin, read as Latin only inside a word that mixes scripts:
# "Thе grаdеr" is disguised English, "высшую оценку" is Russian and stays Russian.
_LOOKALIKE = str.maketrans("аеорсухіѕһјԁԛԝɡАВЕКМНОРСТХІЅЈαορτνικ", "aeopcyxishjdqwgABEKMHOPCTXISJaoptvik")
_MIXED_SCRIPT = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f\u0261])\w+\b")
_ROT13_WORDS = re.compile(r"\b(gur|naq|guvf|lbh|lbhe|fpber|tenqr|vf|bs|gb)\b", re.IGNORECASE)


@dataclass(frozen=True)
class InjectionScan:
    """The answer with grader-directed segments removed, and what was removed."""

    text: str
    removed: list[str]


def normalise(text: str) -> str:
    """A copy for matching only: NFKC, no zero-width characters, look-alike, spaced and l33t letters read."""
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text))
    text = _MIXED_SCRIPT.sub(lambda m: m.group().translate(_LOOKALIKE), text)
    text = _SPACED.sub(lambda m: re.sub(r"[.\-_ ]", "", m.group()), text)
    return _LEETWORD.sub(lambda m: m.group().translate(_LEET), text)


def _rot13(text: str) -> str:
    """The ROT13 reading of text that looks like ROT13'd English ("gur", "naq", "guvf"), else ""."""
    return codecs.decode(text, "rot13") if len(_ROT13_WORDS.findall(text)) >= 2 else ""


def _unquoted(text: str) -> str:
    # quoted pairs, left to right; one with a space in it (not a JSON key) is something being talked about,
    # unless nothing is said about it: a sentence that is only a quote is just the quote
    out = _QUOTE_PAIRS.sub(lambda m: " " if " " in m.group().strip() else m.group(), text)
    return out if re.search(r"\w", out) else text


def _decoded(text: str) -> str:
    """Readable text hidden in base64 runs, so an encoded instruction is judged like a plain one."""
    out = []
    for run in _BASE64.findall(text):
        try:
            raw = base64.b64decode(run + "=" * (-len(run) % 4), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        if raw.isprintable() and sum(c.isalpha() or c == " " for c in raw) >= 0.8 * len(raw):
            out.append(raw)
    return " ".join(out)


def addresses_grader(segment: str, depth: int = 2) -> bool:
    """Whether a sentence or block instructs, pressures or scores on behalf of the grader."""
    unquoted = _unquoted(segment)
    # before normalising: l33t repair would corrupt it; at most two layers (base64 of ROT13), since ROT13 of
    # half-English text is ROT13 again and would recurse forever
    hidden = (_decoded(unquoted) or _rot13(unquoted)) if depth else ""
    if hidden and addresses_grader(hidden, depth - 1):
        return True
    plain = readable(segment)
    if plain is None:
        return False
    if any(p.search(plain) for p in P.STRONG_RES):
        return True
    if (P.FOREIGN_MAX.search(plain) and P.FOREIGN_CONTEXT.search(plain)) or injection_foreign.addresses_grader(plain):
        return True
    weak = P.WEAK_RE.search(plain) is not None
    high = weak or P.SCORE_RE.search(plain) is not None
    if P.ROLE_TURN.search(plain) and P.GRADER_WORDS.search(plain) and high:
        return True
    if P.ADDRESSED.search(plain) and (high or P.THIS_ANSWER.search(plain)):
        return True
    if P.AUTHORITY.search(plain) and high and P.SPEAKER.search(plain) and P.CLAIM.search(plain):
        return True
    if weak and P.THIS_ANSWER.search(plain) is not None:
        return True
    return injection_model.flags(plain)  # a new wording of the same request


def readable(segment: str) -> str | None:
    """The normalised text outside quotes that the patterns read, or None for talk about attacks.

    Talk about attacks is not an attack, unless it also asks for this answer's score or speaks to the grader.
    """
    unquoted = _unquoted(segment)
    whole = normalise(segment)
    plain = whole if unquoted == segment else normalise(unquoted)
    if P.DISCUSSION.search(whole) and not (P.THIS_ANSWER.search(plain) or P.ADDRESSED.search(plain)):
        return None
    return plain


def _block_addresses_grader(block: str) -> bool:
    inner = normalise(block)
    if P.DISCUSSION.search(inner):
        return False
    if addresses_grader(inner):
        return True
    # a comment naming the grader, or a tag named for it, that carries a score is a note to the grader
    words = re.sub(r"<!--|-->|</?\w[^>]{0,200}>", " ", inner)
    number = re.search(r"\b(5|10)\b", words) is not None
    if block.lstrip().startswith("---"):  # YAML front matter that sets a score key: a grading config
        return re.search(r"(scor|grad|rating)\w*\s*:\s*['\"]?(5|10)\b", words, re.I) is not None
    if block.lstrip().startswith(("<!--", "[//]")):
        scored = P.SCORE_RE.search(words) or re.search(r"\b(rating|score|grade)\s*[=:]?\s*(5|10)\b", words, re.I)
        return bool(scored and P.EVALUATOR_RE.search(words))
    return bool(P.GRADER_TAG.match(block) and number and P.GRADER_WORDS.search(words))


def _lines(text: str) -> list[Span]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _sentences(text: str, start: int, end: int) -> list[Span]:
    """Sentences of text[start:end] as positions, trimmed; run-ons cut into clauses or windows."""
    out: list[Span] = []
    pos = start
    for m in [*_SENTENCE_END.finditer(text, start, end), None]:
        stop = m.start() if m else end
        out += _pieces(text, pos, stop)
        pos = m.end() if m else end
    return out


def _pieces(text: str, start: int, end: int, most: int = 60, window: int = 40) -> list[Span]:
    """A run-on segment in clauses or 40-word windows: one phrase must not take the whole paste."""
    words = [m.span() for m in re.finditer(r"\S+", text[start:end])]
    if not words:
        return []
    if len(words) <= most:
        return [(start + words[0][0], start + words[-1][1])]
    clauses = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^,;:]+[,;:]?", text[start:end])]
    if all(len(text[a:b].split()) <= most for a, b in clauses):
        return [s for a, b in clauses if (s := _trim(text, a, b))]
    return [
        (start + words[i][0], start + words[min(i + window, len(words)) - 1][1]) for i in range(0, len(words), window)
    ]


def _trim(text: str, a: int, b: int) -> Span | None:
    chunk = text[a:b]
    if not chunk.strip():
        return None
    return a + len(chunk) - len(chunk.lstrip()), b - len(chunk) + len(chunk.rstrip())


class _Taken:
    """Non-overlapping spans kept sorted, so checking a candidate costs a bisection, not a scan."""

    def __init__(self) -> None:
        self.spans: list[Span] = []

    def free(self, span: Span) -> bool:
        i = bisect.bisect_left(self.spans, span)
        before = self.spans[i - 1] if i else None
        after = self.spans[i] if i < len(self.spans) else None
        return (before is None or before[1] <= span[0]) and (after is None or span[1] <= after[0])

    def add(self, span: Span) -> None:
        bisect.insort(self.spans, span)


def find_spans(text: str) -> list[Span]:
    """Positions of grader-directed blocks and sentences, then of the pleas on the same typed lines."""
    taken = _Taken()
    for m in P.BLOCKS.finditer(text):
        if _block_addresses_grader(m.group()):
            taken.add(m.span())
    lines = _lines(text)
    for a, b in lines:  # lines as typed: an appended instruction is its own line
        for s in _sentences(text, a, b):
            if taken.free(s) and addresses_grader(text[s[0] : s[1]]):
                taken.add(s)
    for group in wrap_groups(text.split("\n")):  # an instruction hard-wrapped over lines is one sentence
        if len(group) > 1:
            for s in _sentences(text, lines[group[0]][0], lines[group[-1]][1]):
                piece = text[s[0] : s[1]]
                if "\n" in piece and taken.free(s) and addresses_grader(piece.replace("\n", " ")):
                    taken.add(s)
    for m in P.BLOCKS.finditer(text):  # a scored block that a flagged line points at ("copy its score")
        if taken.free(m.span()) and P.NEIGHBOUR.search(normalise(m.group())) and _touches(text, m.span(), taken):
            taken.add(m.span())
    for a, b in lines:
        if taken.free((a, b)) and _interviewer_scores(text[a:b]) and (span := _trim(text, a, b)):
            taken.add(span)
    for run in _turn_runs(text, lines):  # a fake chat (System: / Human: / AI: lines) goes whole
        if any(not taken.free(line) for line in run):
            for a, b in run:
                for s in _sentences(text, a, b):
                    if taken.free(s):
                        taken.add(s)
    _take_form_lines(text, lines, taken)
    for a, b in lines:
        if not taken.free((a, b)):
            sentences = _sentences(text, a, b)
            for s in sentences:
                if taken.free(s) and _is_plea(text[s[0] : s[1]]):
                    taken.add(s)
            _take_tails(text, sentences, taken)
    return taken.spans


def _interviewer_scores(line: str) -> bool:
    """A typed line in the interviewer's voice that hands out a score: "Interviewer: ... a full-marks answer"."""
    plain = normalise(line)
    return P.GRADER_TURN.match(plain) is not None and bool(P.SCORE_RE.search(plain) or P.WEAK_RE.search(plain))


def _touches(text: str, span: Span, taken: _Taken) -> bool:
    """Whether the line right after or right before a block holds something already flagged."""
    after_end = text.find("\n", span[1] + 1)
    after = (span[1], after_end if after_end >= 0 else len(text))
    before_start = text.rfind("\n", 0, max(0, span[0] - 1)) + 1
    before = (before_start, span[0])
    return any(b > a and text[a:b].strip() and not taken.free((a, b)) for a, b in (after, before))


def _turn_runs(text: str, lines: list[Span]) -> list[list[Span]]:
    """Consecutive lines that each open with a chat role ("System:", "Human:", "AI:")."""
    runs: list[list[Span]] = [[]]
    for a, b in lines:
        if P.ROLE_TURN.match(text, a, b):
            runs[-1].append((a, b))
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def _take_form_lines(text: str, lines: list[Span], taken: _Taken) -> None:
    """A filled-in grading form next to a flagged line goes with it: "VERDICT: Strong hire", a scored table."""
    _take_score_tables(text, lines, taken)

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
            if (form(cur) or (up and lead_in(cur))) and (span := _trim(text, *cur)):
                taken.add(span)


def _flagged(text: str, span: Span, taken: _Taken) -> bool:
    return bool(text[span[0] : span[1]].strip()) and not taken.free(span)


def _take_score_tables(text: str, lines: list[Span], taken: _Taken) -> None:
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
        flagged_near = any(text[a:b].strip() and not taken.free((a, b)) for a, b in near)
        claimed = flagged_near and P.SCORE_TABLE.search(table) is not None
        if (claimed or _scorecard(table)) and all(taken.free(r) for r in rows):
            for a, b in rows:
                if span := _trim(text, a, b):
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


def _is_plea(sentence: str) -> bool:
    """Pleading, or talk to the grader, on the same line as an instruction: part of the same attack."""
    plain = normalise(sentence)
    return len(sentence.split()) <= 40 and (P.PLEA.search(plain) or P.EVALUATOR_RE.search(plain)) is not None


def _take_tails(text: str, sentences: list[Span], taken: _Taken) -> None:
    """Grading talk right after a flagged sentence (or right before it, if it speaks to the grader) goes too.

    Only neighbours, chained: on a line that is a whole typed answer, the candidate's own sentences
    about evaluation elsewhere in it stay.
    """
    short = [len(text[a:b].split()) <= 40 for a, b in sentences]
    near = [
        short[i] and P.NEIGHBOUR.search(plain) is not None for i, plain in enumerate(_plain(text, sentences, short))
    ]
    toward = [near[i] and P.TOWARD.search(normalise(text[a:b])) is not None for i, (a, b) in enumerate(sentences)]
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


def _plain(text: str, sentences: list[Span], short: list[bool]) -> list[str]:
    return [normalise(text[a:b]) if ok else "" for (a, b), ok in zip(sentences, short, strict=True)]


def strip_injection(text: str) -> InjectionScan:
    """Remove segments that instruct or pressure the grader; the rest is graded on its merits."""
    spans = find_spans(text)
    if not spans:
        return InjectionScan(text, [])
    kept, pos = [], 0
    for a, b in spans:
        kept.append(text[pos:a])
        kept.append("\n" * text.count("\n", a, b))  # keep the line structure around what is cut
        pos = b
    kept.append(text[pos:])
    lines = [" ".join(line.split()) for line in "".join(kept).split("\n")]
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return InjectionScan(cleaned, [text[a:b].strip() for a, b in spans])
