"""Text utilities shared by the input guard and the rule-based grader: normalising, sentences, phrases."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff]")
# Markdown decoration carries no content: stripping it makes formatting-only edits grade the same.
_MD_LINE_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>(?![\d=])\s*|[-*+•]\s+)+")  # not ">1%", a wrapped comparison
_MD_INLINE = re.compile(r"(\*\*|__|\*|`+|~~)")
_WORD = re.compile(r"[a-z0-9][a-z0-9'’/+.%-]*[a-z0-9%]|[a-z0-9]")
# What separates items of a bare list: commas, arrows, slashes between spaces, pipes, plus signs.
_LIST_SEP = re.compile(r",|->|→|=>|\s[/|+·•]\s")
# not after an abbreviation: "e.g. the 300 policy PDFs" goes on (a quote once ended at "can't close, e.g.")
_SPLIT = re.compile(
    r"(?<!\b[eE]\.g\.)(?<!\b[iI]\.e\.)(?<!\b[vV]s\.)(?<!\bapprox\.)(?<!\bincl\.)(?<!\b[cC]f\.)(?<!\bDr\.)(?<!\bMr\.)"
    r"(?<!\bMs\.)(?<!\bMrs\.)(?<=[.!?;])(?!(?<=\bU\.[SK]\.)\s+[a-z])\s+|\n+"  # "the U.S. market", but "… U.S. Then"
)

FUNCTION_WORDS = frozenset(
    """a an the and or but so if then than that this these those it its it's is are was were be been being
    do does did have has had will would should could can may might must shall we i you they he she our
    my your their us me them to of in on at by for with from as into about over under after before
    because since while when where which who whom what why how not no nor also just only very more most
    less least there here all any each both either some such own same other let let's we'd i'd we'll
    i'll we're i'm it'll don't doesn't won't can't isn't aren't per via until whether without within
    against between through during up down out off again further once""".split()
)
REASONING_MARKERS = frozenset(
    """because since so if then would should could will can need needs means which that to by we'd i'd
    we'll i'll let's is are was be unless otherwise therefore hence while whereas but although though
    ensure measure compare decide check track use choose start ship run test""".split()
)


# kept as typed through NFKC: "10⁵" must not become "105", nor "x²" "x2", nor "½" "1⁄2" (a quote in the feedback
# would show a number nobody wrote)
_KEEP_AS_TYPED = re.compile("[\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209c\u2150-\u215f\u2189]+")


# Unicode tag characters (U+E0020-E007E) are ASCII made invisible ("ASCII smuggling", hard43): nobody reading the
# answer sees that text, so it is never graded or sent to a model; the input guard reads it for the injection scan
# (hidden_text). The three flag emoji made of tags (England, Scotland, Wales: black flag, gbeng / gbsct / gbwls, cancel
# tag) are kept as typed; any other run between a black flag and a cancel tag can carry text (a review)
_TAGS = re.compile(
    "(\U0001f3f4\U000e0067\U000e0062(?:\U000e0065\U000e006e\U000e0067|\U000e0073\U000e0063\U000e0074|"
    "\U000e0077\U000e006c\U000e0073)\U000e007f)|[\U000e0000-\U000e007f]+"
)


def hidden_text(text: str) -> str:
    """The ASCII hidden in an answer's tag characters (flag emoji aside), runs joined as one text; "" if none.

    Joined without a break, since letters hidden one at a time between visible ones spell the text only together.
    """
    if text.isascii():
        return ""
    runs = [m.group() for m in _TAGS.finditer(text) if not m.group(1)]
    return "".join(chr(ord(c) - 0xE0000) for run in runs for c in run if "\U000e0020" <= c <= "\U000e007e").strip()


def clean(text: str) -> str:
    """NFKC-normalise (superscripts, subscripts and fractions kept) and drop ANSI escapes, control characters and
    text hidden in tag characters, keeping newlines and tabs: the text that is graded and quoted."""
    if not text.isascii():
        text = _TAGS.sub(lambda m: m.group(1) or "", text)
    return printable(_nfkc(text))


def printable(text: str) -> str:
    """The text as typed, minus ANSI escapes and control characters (newlines and tabs kept): what a report shows."""
    text = _ANSI.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text)


def _nfkc(text: str) -> str:
    if text.isascii():
        return text
    out, last = [], 0
    for m in _KEEP_AS_TYPED.finditer(text):
        out += [unicodedata.normalize("NFKC", text[last : m.start()]), m.group()]
        last = m.end()
    return "".join([*out, unicodedata.normalize("NFKC", text[last:])])


# not "-> 50" or ">1%": an arrow or a comparison that a fixed-width wrap put first on a line
_ITEM_START = re.compile(r"^\s*(?:-(?!>)|[*+•#|]|>(?![\d=])|\d+[.)]\s|[A-Za-z][.)]\s|step\s+\d+\b)", re.IGNORECASE)
_WRAPPED_MIN = 45  # a line broken by a text editor or email client is rarely shorter than this
_CLOSERS = "\"'”’)]}*_`"


def wrap_groups(lines: list[str]) -> list[list[int]]:
    """Indices of typed lines that form one hard-wrapped line each (most groups are a single line).

    A line continues the previous one when the previous is long, ends mid-sentence (or on ":" or ";" before a
    word that is not capitalised), is not a heading, the line is not a list item, and the line's first word would not
    have fitted on the previous line at the answer's own width: that is what a fixed-width wrap does and a
    typed line does not.
    """
    width = max((len(line.rstrip()) for line in lines), default=0)
    groups: list[list[int]] = []
    for i, line in enumerate(lines):
        prev = lines[i - 1].rstrip() if i else ""
        words = line.split()
        end = prev.rstrip(_CLOSERS)[-1:] if prev else ""
        joins = (
            groups
            and words
            and end
            and (end not in ".!?:;。！？" or (end in ":;" and not words[0][:1].isupper() and _long(lines, i, width)))
            # at an editor's width a long next word can leave a short line; a narrow typed list stays as typed
            and len(prev) >= (min(_WRAPPED_MIN, 0.6 * width) if width >= 60 else _WRAPPED_MIN)
            and not prev.lstrip().startswith("#")
            and not _ITEM_START.match(line)
            and len(prev) + 1 + len(words[0]) > width
            and _continues(prev, words[0])
        )
        if joins:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _long(lines: list[str], i: int, width: int) -> bool:
    """A line that runs on as wrapped text does: half the width or more, or the paragraph's last line."""
    last = i + 1 == len(lines) or not lines[i + 1].strip()
    return last or len(lines[i].rstrip()) >= width / 2


def _continues(prev: str, first: str) -> bool:
    """A capitalised next line starts a new item unless the break fell mid-phrase or on a name."""
    if not first[:1].isupper():
        return True
    last = prev.split()[-1].lower().strip(",")
    core = first.rstrip(".,;:'’s")
    return (
        last in FUNCTION_WORDS
        or last in ("vs", "vs.")
        or prev.endswith(",")
        or core.isupper()
        or core in ("I", "I'd", "I'll", "I'm")
    )


def unwrap(lines: list[str]) -> list[str]:
    """Rejoin prose that was hard-wrapped at a fixed width; list items, headings and typed lines stay."""
    out = []
    for group in wrap_groups(lines):
        text = lines[group[0]].rstrip()
        for i in group[1:]:
            glue = "" if text.endswith("-") and text[-2:-1].isalpha() else " "  # "time-to-" + "first"
            text = f"{text}{glue}{lines[i].strip()}"
        out.append(text)
    return out


def canonical(text: str) -> str:
    """Text with Markdown decoration, hard wraps and extra whitespace removed; case and line breaks kept."""
    lines = []
    for line in unwrap(clean(text).split("\n")):
        previous = None
        while previous != line:  # "- **- item**" needs prefix, inline, then prefix again
            previous = line
            line = _MD_LINE_PREFIX.sub("", _MD_INLINE.sub("", line))
        line = " ".join(line.split())
        if line:
            lines.append(line)
    return "\n".join(lines)


def words(text: str) -> list[str]:
    """Lowercase word tokens (numbers, units and slashes kept: 'p95', '50m', 'a/b')."""
    return _WORD.findall(text.lower())


def sentences(canon: str) -> list[str]:
    """Split canonical text into sentences and list items (substrings of it)."""
    return [s.strip() for s in _SPLIT.split(canon) if s and s.strip()]


@dataclass(frozen=True)
class Sentence:
    """A sentence with how much it reads as reasoning (1.0) rather than a bare list (0.0)."""

    text: str
    lower: str
    words: tuple[str, ...]
    quality: float


# A quantity: an optional short prefix (p95, gpt-4, under-13s), digits, a short unit (28b, 1.5x, 30%,
# 10k) and compound units after a separator (30m/month, 500-chat, p95/p99, 2x2). Letters wedged
# between digits with no separator ("7h3 gr4d3r g1v3") are l33t, not numbers.
_QUANTITY = re.compile(r"(?:[a-z]+-)?[a-z]{0,4}\d[\d,.:%]*[a-z]{0,8}(?:[-/+x][a-z0-9.,%]+)*")


def is_quantity(token: str) -> bool:
    """True for a token that states a number, not one that merely contains a digit."""
    return _QUANTITY.fullmatch(token) is not None


_LEET = str.maketrans("0134579", "oieastg")
_ALNUM = re.compile(r"[a-z0-9]+")  # one run per word: linear, where a letters-and-digits regex backtracks


def _read_leet(word: str) -> str:
    mixed = not word.isdigit() and not word.isalpha()
    return word.translate(_LEET) if mixed and not is_quantity(word) else word


def unleet(lower: str) -> str:
    """Lower-case text with l33t words read as letters ("7h15 4n5w3r" -> "this answer"); quantities kept."""
    return _ALNUM.sub(lambda m: _read_leet(m.group()), lower)


def reasoning_quality(tokens: list[str], commas: int = 0) -> float:
    """Score 0-1: reasoning prose and dense specific clauses score high; bare keyword lists score low."""
    if not tokens:
        return 0.0
    fw = sum(t in FUNCTION_WORDS for t in tokens) / len(tokens)
    has_marker = any(t in REASONING_MARKERS for t in tokens)
    has_number = any(is_quantity(t) for t in tokens)
    length = min(1.0, len(tokens) / 7)
    prose = min(1.0, fw / 0.28) * (1.0 if has_marker else 0.6)
    # Terse but real clauses ("pull it if errors exceed 0.5%") have long comma segments; lists of
    # buzzwords average one or two words between commas.
    segment = len(tokens) / (commas + 1)
    terse = min(1.0, segment / 5) * (0.85 if has_number or has_marker else 0.5)
    listiness = min(1.0, segment / 3)
    return round(length * max(prose, terse) * listiness, 3)


def analyse(canon: str) -> list[Sentence]:
    """Distinct sentences of canonical text with their reasoning quality."""
    out = []
    seen: set[str] = set()
    for s in sentences(canon):
        toks = words(s)
        key = " ".join(toks)
        if toks and key not in seen:  # a pasted-twice answer says nothing new the second time
            seen.add(key)
            out.append(Sentence(s, s.lower(), tuple(toks), reasoning_quality(toks, len(_LIST_SEP.findall(s)))))
    return out


@lru_cache(maxsize=4096)
def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase matches at the start of a word, case-insensitively ('guardrail' finds 'guardrails')."""
    escaped = re.escape(phrase.lower()).replace(r"\ ", r"\s+")
    lead = r"(?<![a-z0-9])" if phrase[:1].isalnum() else ""
    return re.compile(lead + escaped)


@lru_cache(maxsize=8192)
def phrase_head(phrase: str) -> str:
    """The phrase's first word: a literal every match contains, so a plain `in` test can rule it out."""
    return phrase.lower().split()[0] if phrase.strip() else phrase


def has_phrase(phrases: list[str] | tuple[str, ...], text: str) -> bool:
    """Whether any of the phrases occurs in already-lowercased text."""
    # the `in` test rules out almost every phrase before any regex runs
    return any(phrase_pattern(p).search(text) for p in phrases if phrase_head(p) in text)


def stem(word: str) -> str:
    """A light suffix strip so 'failures'/'failure', 'tests'/'testing' and "Spotify's"/'Spotify' meet."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    """Distinct stemmed non-function words of 3+ characters."""
    return {stem(w) for w in words(text) if w not in FUNCTION_WORDS and len(w) >= 3}
