"""Masks personal data before any text leaves the machine: emails, phones, cards, IBANs, IPs, names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])")
# 13-19 digits, optionally grouped by spaces or dashes; kept only when the Luhn check passes.
CARD = re.compile(
    r"(?<![\w.,])(?:\d[ -]?){12,18}\d(?![\w]|[.,]\d)|(?<![\w.,])\d{4}(?:\.\d{4}){3}(?:\.\d{1,3})?(?![\w]|[.,]\d)"
)
# in any case: a pasted "gb82west12345698765432" is the same account (the mod-97 check keeps words out)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b|\b[a-z]{2}\d{2}[a-z0-9]{11,30}\b")
# provider keys by their published shapes; the configured key itself is masked by the gateway whatever its shape
KEY = re.compile(
    r"\b(?:sk-(?:proj-|ant-|or-)?(?=[A-Za-z_\-]*\d)[A-Za-z0-9_\-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|"
    r"xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_\-]{30,}|(?:hf|gsk)_[A-Za-z0-9]{20,}|xai-[A-Za-z0-9]{20,})"
)
IPV4 = re.compile(r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?!\w|\.\d)")
IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}(?::|[0-9A-Fa-f]{1,4})(?:[0-9A-Fa-f:]*)(?![\w:])")
# Phones: an optional +country code, then digit groups separated by one space, dot or dash, or a
# (area) group. 9-15 digits in all. Commas are not separators, so "120,000,000 tokens" is safe.
PHONE = re.compile(
    r"(?<![\w$€£.,/#:-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,6}){0,5}(?![\w%]|[.,/:]\d)"
)
# a name word in any script ("Siobhán", "Nguyễn", "O'Connor-Smith"); that it is capitalised is checked after matching
_WORD = r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*(?![\w])"  # "B2B" is no name word
NAME = re.compile(
    rf"\b(?:[Mm]y name is|[Mm]y name's|MY NAME IS|MY NAME'S|I'm|I am|[Tt]his is|[Cc]all me)[ \t]+"
    rf"({_WORD}(?:[ \t]+(?:{_WORD}|[A-Z]\.)){{0,2}})"
)
# "my name is" is explicit enough to trust a name typed in lower case ("my name is raj patel.")
NAME_EXPLICIT = re.compile(r"\b[Mm]y name is[ \t]+([a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+)?)(?=\s*[,.;!?]|\s*$)")
# Numbers named as something else are not phone numbers: "order 1002934871", "ticket #48213".
ID_CONTEXT = re.compile(
    r"(?:order|ticket|id|invoice|sku|account|acct|ref|reference|case|po)\s*(?:#|no\.?|number)?\s*$", re.IGNORECASE
)
# A count or an amount is not a phone number: "120 000 000 tokens", "250 000 users a month", "900 000 per year"
# (spaces group thousands in much of Europe; the masked transcript lost "120 000 000 tokens", session 13)
_THOUSANDS = re.compile(r"[1-9]\d{0,2}(?: \d{3})+")  # "120 000 000": groups of three after the first, spaces only
_COUNTED = re.compile(
    r"[ \t]?(?:(?:monthly|daily|weekly|yearly|annual|active|new|unique|total|more|paying|registered|concurrent|input|"
    r"output|prompt|completion|extra|additional|inbound|outbound)\s+){0,2}"
    r"(?:tokens?|users?|requests?|calls|queries|rows|documents|docs|pages|images|photos|videos|"
    r"items|records|customers|clients|people|patients|members|subscribers|visits|visitors|sessions|messages|emails|"
    r"words|characters|chars|transactions|orders|listings|skus?|products|events|searches|tickets|cases|claims|loans|"
    r"students|employees|drivers|devices|vehicles|units|rides|trips|bookings|downloads|installs|views|impressions|"
    r"clicks|dollars|euros|pounds|usd|eur|gbp|chf|sek|nok|dkk|pln|per|a\s+(?:day|week|month|year))\b",
    re.IGNORECASE,
)
_NAME_TRIGGERS = ("my name", "i'm", "i am", "this is", "call me")  # NAME cannot match without one
_NOT_NAMES = frozenset(
    "A An The Not Sure Going Happy Here Also Just So Very Really Currently Working Leading Responsible Confident "
    "Building Proposing Assuming Thinking Looking Interested Familiar Glad Aware Able Done Now Still Using "
    # what follows "I'm" in an answer (the loopback test saw "I'm [NAME] about the A/B test")
    "Excited Passionate Curious Thrilled Delighted Eager Keen Comfortable Convinced Open Worried Concerned Focused "
    "Hoping Planning Trying Pretty Quite Always Usually Definitely Certainly Skeptical Optimistic Torn Leaning "
    "Inclined Biased Based Located Aligned Comparing Suggesting Recommending Arguing Asking Talking Speaking".split()
)


@dataclass(frozen=True)
class Found:
    """One detected item."""

    type: str
    value: str
    start: int
    end: int


def luhn_ok(digits: str) -> bool:
    """The Luhn checksum used by payment cards."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban_ok(value: str) -> bool:
    """ISO 13616 mod-97 check."""
    s = value.replace(" ", "").upper()
    if not 15 <= len(s) <= 34:
        return False
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def _phone_ok(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    if not 9 <= len(digits) <= 15:
        return False
    groups = [g for g in re.split(r"[ .()-]+", value.strip("+ ()")) if g]
    if len(groups) == 1:
        return 10 <= len(digits) <= 12  # one unbroken run: a plain 9-digit count is not a phone
    # A real number is written as a few groups; "2 4 6 8 10" style lists are not phones.
    return value.startswith("+") or "(" in value or (len(groups) <= 4 and all(len(g) >= 2 for g in groups))


# superscript and subscript digits and signs, read as plain ones (one character for one: positions stay), since
# the graded text keeps them as typed: "⁺⁴⁴ ⁷⁷⁰⁰ ⁹⁰⁰¹²³" is a phone number all the same
_SCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻₀₁₂₃₄₅₆₇₈₉₊₋", "0123456789+-0123456789+-")


def find(text: str) -> list[Found]:
    """Every personal-data item in text, non-overlapping, earliest and most specific first."""
    found: list[Found] = []
    typed, text = text, text.translate(_SCRIPT_DIGITS)

    def add(kind: str, start: int, end: int) -> None:
        if not any(f.start < end and start < f.end for f in found):
            found.append(Found(kind, typed[start:end], start, end))

    # Cheap necessary conditions skip whole scans: most prompt text has no "@", no "name is", few colons.
    lower = text.lower()
    for m in EMAIL.finditer(text) if "@" in text else ():
        add("email", m.start(), m.end())
    for m in IBAN.finditer(text):
        if iban_ok(m.group()):
            add("iban", m.start(), m.end())
    for m in CARD.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if 13 <= len(digits) <= 19 and luhn_ok(digits):
            add("card", m.start(), m.end())
    for m in IPV4.finditer(text):
        add("ip", m.start(), m.end())
    for m in IPV6.finditer(text) if text.count(":") >= 2 else ():
        if m.group().count(":") >= 2 and any(c.isdigit() for c in m.group()):
            add("ip", m.start(), m.end())
    for m in PHONE.finditer(text):
        value = m.group().strip(" .-")
        start = m.start() + m.group().index(value)
        counted = _THOUSANDS.fullmatch(value) is not None and _COUNTED.match(text, start + len(value)) is not None
        if _phone_ok(value) and not counted and not ID_CONTEXT.search(text[max(0, start - 20) : start]):
            add("phone", start, start + len(value))
    for m in KEY.finditer(text) if "-" in text or "_" in text or "AKIA" in text else ():
        add("key", m.start(), m.end())
    for m in NAME.finditer(text) if any(t in lower for t in _NAME_TRIGGERS) else ():
        if span := _name_span(m):
            add("name", *span)
    for m in NAME_EXPLICIT.finditer(text) if "my name" in lower else ():
        add("name", m.start(1), m.end(1))
    return sorted(found, key=lambda f: f.start)


def _name_span(m: re.Match[str]) -> tuple[int, int] | None:
    """The capitalised words after a trigger, as a name; None when the first is not one ("I'm Excited about…",
    "This is MVP scope": an acronym is a name only after "my name is")."""
    words = list(re.finditer(r"\S+", m.group(1)))
    explicit = m.group().lower().startswith("my name")
    if not _is_name(words[0].group(), explicit) or words[0].group() in _NOT_NAMES:
        return None
    kept = 1
    while kept < len(words) and (_is_name(words[kept].group(), explicit) or words[kept].group().endswith(".")):
        kept += 1
    return m.start(1), m.start(1) + words[kept - 1].end()


def _is_name(word: str, explicit: bool) -> bool:
    return word[0].isupper() and (explicit or not word.replace("-", "").isupper())


@lru_cache(maxsize=64)  # the system prompt and rubric text go out unchanged on every call
def mask(text: str) -> str:
    """Text with each item replaced by its type, e.g. [EMAIL]; the structure of the answer survives."""
    out, last = [], 0
    for f in find(text):
        out.append(text[last : f.start])
        out.append(f"[{f.type.upper()}]")
        last = f.end
    out.append(text[last:])
    return "".join(out)
