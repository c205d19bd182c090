"""Text plumbing for the injection detector: a normalised copy for matching, and positions of lines and sentences."""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata

Span = tuple[int, int]

# not after "i.e.": "grade me at my level, i.e. a 5" is one sentence. ("e.g." still ends one: joined, an attack
# after it would sit in a sentence that reads as discussion.) Nor after "P.S.", "rev.", "vs.":
# "P.S. Rating: 5." is one sentence, and so is "Grading Policy (rev. 2024): ..."
_SENTENCE_END = re.compile(
    r"(?<![\s(]i\.e\.)(?<!\bp\.s\.)(?<!\bp\.p\.s\.)(?<!\brev\.)(?<!\bvs\.)(?<=[.!?。！？])\s+|"
    # after a closing bracket and before a capital too: "… teams. (To whoever is assessing: … cold.) Secondary …" (not
    # "(white-on-white, tiny fonts, etc.) that tells…"; not after a closing quote: a sentence that is only a quote is
    # read as what it says, and examples are often quoted whole)
    r"(?<=[.!?][)\]])\s+(?=(?-i:[A-Z\"“(\[]))",
    re.IGNORECASE,
)
# a quoted pair: what is inside is shown or talked about; an apostrophe inside a word ("I'd") does not close one
QUOTE_PAIRS = re.compile(
    r"\"[^\"\n]{0,200}\"|“[^”\n]{0,200}”|‘[^’\n]{0,200}’|«[^»\n]{0,200}»|`[^`\n]{0,200}`|(?<!\w)'(?:[^'\n]|(?<=\w)'(?=\w)){0,200}'(?!\w)"
)
_CLAUSE_END = re.compile(r"[,;:]")
_ZERO_WIDTH_CHARS = "\u200b-\u200f\u2060-\u2064\ufeff\u00ad"
_ZERO_WIDTH = re.compile(f"[{_ZERO_WIDTH_CHARS}]")
# between two visible characters: a gap where a space may have been
_ZERO_WIDTH_GAP = re.compile(rf"(?<=\S)[{_ZERO_WIDTH_CHARS}]+(?=\S)")
_SPACED = re.compile(r"(?<![A-Za-z])[A-Za-z]([.\-_ ])(?:[A-Za-z]\1){1,}[A-Za-z](?![A-Za-z])")
# letters set apart one by one with l33t digits among them: "1 g n o r e   p r e v 1 o u s" (final42); a second
# reading only (injection.py), since in the normalised copy a digit after spelled-out letters is often a score
# ("a n s w e r 5 / 5") that must stay a number
_SPACED_LEET = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]([.\-_ ])(?:[A-Za-z0-9]\1){1,}[A-Za-z0-9](?![A-Za-z0-9])")
# in spaced-out text, where words are set apart by wider gaps, a two-letter word too: "G R A D E   A S   …" (hard33),
# "G-R-A-D-E   T-H-I-S   …   O-F   F-I-V-E" (hard38)
# (not with dots: "e.g." would lose the dots that mark it as an example)
_SPACED_PAIR = re.compile(r"(?:^|(?<=\s\s))([A-Za-z])[ \-_]([A-Za-z])(?=\s\s|\s?[.!?,;:]|$)", re.MULTILINE)
# chat-speak, lower case only ("the U.S." stays): "pls disregard whatever u got" reads as the request it is
_CHAT_WORDS = {"u": "you", "ur": "your", "pls": "please", "plz": "please", "thx": "thanks"}
_CHAT = re.compile(r"(?<![\w.'-])(?<!\d\s)(u|ur|pls|plz|thx)(?![\w.'-])")  # not "u-shaped", "10 u of insulin"
_LEET = str.maketrans("01345789@$", "oieastbgas")
# a word of 4+ letters and digits with at least one digit and two letters ("1gn0r3", not "p95" or "2024")
_LEETWORD = re.compile(r"(?<![\w=])(?=[A-Za-z0-9]*\d)(?=(?:[A-Za-z0-9]*[A-Za-z]){2})[A-Za-z0-9]{3,}(?![\w=])")
# Cyrillic and Greek letters that look Latin, read as Latin only inside a word that mixes scripts:
# "Thе grаdеr" is disguised English, "высшую оценку" is Russian and stays Russian.
_LOOKALIKE = str.maketrans("аеорсухіѕһјԁԛԝɡАВЕКМНОРСТХІЅЈαορτνικ", "aeopcyxishjdqwgABEKMHOPCTXISJaoptvik")
_MIXED_SCRIPT = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[\u0370-\u03ff\u0400-\u04ff\u0500-\u052f\u0261])\w+\b")


def normalise(text: str) -> str:
    """A copy for matching only: NFKC, no zero-width characters, look-alike, spaced and l33t letters read."""
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text))
    text = _MIXED_SCRIPT.sub(lambda m: m.group().translate(_LOOKALIKE), text)
    if _SPACED.search(text):
        text = _SPACED_PAIR.sub(r"\1\2", _SPACED.sub(lambda m: re.sub(r"[.\-_ ]", "", m.group()), text))
    text = _CHAT.sub(lambda m: _CHAT_WORDS[m.group()], text)
    # a doubled 1 is a doubled l ("fu11 m4rk5", final38), a single one an i ("g1v3")
    return _LEETWORD.sub(lambda m: m.group().replace("11", "ll").translate(_LEET), text)


def spelled_leet(text: str) -> str:
    """Letters and l33t digits spelled out one by one, joined into words ("1 g n o r e" -> "1gnore"), else ""."""
    out = _SPACED_LEET.sub(_unspaced, text)
    return out if out != text else ""


def zero_width_spaced(text: str) -> str:
    """Words set apart by two or more zero-width gaps ("Ignore\u200bthe\u200brubric"), read with spaces, else "".

    Normalising drops zero-width characters, which splits a word hidden by one but glues words set apart by them.
    """
    out, gaps = _ZERO_WIDTH_GAP.subn(" ", text)
    return out if gaps >= 2 else ""


def _unspaced(m: re.Match[str]) -> str:
    # mostly letters, and a digit among them: "1.2.3" or "5 4 3 2 1" is a number, "a b c" is read by normalise
    letters, digits = sum(c.isalpha() for c in m.group()), sum(c.isdigit() for c in m.group())
    return re.sub(r"[.\-_ ]", "", m.group()) if digits and letters >= 3 and 2 * digits <= letters else m.group()


def line_spans(text: str) -> list[Span]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def sentence_spans(text: str, start: int, end: int) -> list[Span]:
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
    clauses = _clauses(text, start, end)
    if all(len(text[a:b].split()) <= most for a, b in clauses):
        return [s for a, b in clauses if (s := trim(text, a, b))]
    return [
        (start + words[i][0], start + words[min(i + window, len(words)) - 1][1]) for i in range(0, len(words), window)
    ]


def _clauses(text: str, start: int, end: int) -> list[Span]:
    """Clauses ending at a comma, semicolon or colon, but not one inside a quotation, so an example stays whole."""
    quoted = [m.span() for m in QUOTE_PAIRS.finditer(text, start, end)]  # sorted and disjoint
    opens = [a for a, _ in quoted]

    def inside(pos: int) -> bool:
        i = bisect.bisect_left(opens, pos) - 1  # the last quotation opened before pos
        return i >= 0 and pos < quoted[i][1]

    cuts = [m.end() for m in _CLAUSE_END.finditer(text, start, end) if not inside(m.start())]
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in itertools.pairwise(bounds) if re.search(r"[^,;:\s]", text[a:b])]


def trim(text: str, a: int, b: int) -> Span | None:
    chunk = text[a:b]
    if not chunk.strip():
        return None
    return a + len(chunk) - len(chunk.lstrip()), b - len(chunk) + len(chunk.rstrip())


class Taken:
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
