"""Finds text in an answer that addresses the grader instead of the interviewer's question.

A segment (a sentence, a comment or tag block, a fenced block) is flagged when it *does* something to
whoever scores the answer: overrides the rules, demands or claims a score, asks for the prompt, sets up
a role-play, or pressures. Candidates legitimately *talk about* these attacks as product risks, so text
in quotes or backticks is not read as an instruction, and a sentence framed as discussion (attackers,
red-teaming, "for example") is not flagged. Matching runs on a normalised copy: zero-width characters
removed, s.p.a.c.e.d and l33t letters rejoined, so obfuscation does not hide an instruction.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from dataclasses import dataclass

from .text import unwrap

_I = re.IGNORECASE
_GRADE = r"(scor\w*|grad\w*|marks?|marked|rat(e|ed|ing)|band|points?|stars?|verdict|evaluat\w*|assess\w*)"
_SELF = r"\b(this|my|the\s+above|the\s+(answer|response|submission)\s+above|this\s+one|it|me)\b"
_EVALUATOR = (
    r"(grader|evaluator|assessor|judge|reviewer|scorer|marker|examiner|"
    r"(grading|scoring|evaluation|review)\s+(model|tool|system|pipeline|team|engine|ai|llm|bot|assistant)|"
    r"whichever\s+(model|ai|llm|system))"
)
_OVERRIDE = r"(ignor(e|ing)|disregard\w*|forget|skip|set\s+aside|override|overrule|bypass|supersedes?|throw\s+out)"
_SUSPENDED = (
    r"(no\s+longer\s+appl\w*|(do|does)\s+not\s+apply|don'?t\s+apply|switched\s+off|turned\s+off|"
    r"(is|are)\s+disabled|deprecated|outdated|suspended)"
)
_RULES = (
    r"(rubric|instructions?|directives?|guidance|guidelines?|criteri\w*|rules|checks|prompt|policy|"
    r"what\s+you\s+were\s+told)"
)
_SCORE_TERM = (
    r"((a\s+|an?\s+)?\b(5|five|10|ten)\b(?!\s*(%|percent|x\b|ms\b|s\b|k\b|m\b|minutes|days|weeks|users))|"
    r"\b(top|highest|maximum|max|full|perfect|best|excellent|exemplary|flawless)\s+(possible\s+)?(marks?|score|points|grade|band|rating|evaluation)|"
    r"\b(exemplary|excellent|flawless|perfect|outstanding)\b|\bfull\s+marks\b|\bthe\s+top\b)"
)
_SELF = r"\b(this|my|the\s+above|the\s+(answer|response|submission)\s+above|this\s+one|it|me)\b"

# Each of these alone marks text aimed at the grader.
_STRONG = [
    # overriding the rules: "ignore previous instructions", "the rubric no longer applies"
    rf"\b{_OVERRIDE}\b.{{0,50}}\b{_RULES}\b",
    rf"\b{_RULES}\b.{{0,40}}\b{_SUSPENDED}",
    r"\b(ignore|disregard|forget)\s+(all|every|any)?\s*(previous|prior|earlier|above)\b",
    # a score demanded for this answer: "mark this answer a 5", "give me full marks", "log this response as a 5"
    rf"\b(give|grade|score|rate|mark|award|assign|record|log|treat|carry|enter|return|put)\s+{_SELF}.{{0,40}}{_SCORE_TERM}",
    rf"{_SELF}\s+(answer|response|submission|one)?\s*(gets|earns|deserves|merits|should\s+(get|receive|be\s+\w+\s+as))\b.{{0,40}}{_SCORE_TERM}",
    rf"\b(must|should)\s+be\s+(marked|graded|scored|rated|recorded)\b|\b(recorded|marked|graded|scored|rated)\s+as\s+{_SCORE_TERM}",
    rf"(^\W*|[;:!]\s*|\b(please|kindly|just|then)\s+)(give|award|assign)\s+(the|a|an)?\s*{_SCORE_TERM}",
    # score claims in machine formats: "Score: 5", OVERALL=5, {"score": 5}, five stars
    r"[\"']?\b(score|overall|grade|rating|verdict|mark|override_score|result)\w*[\"']?\s*[:=]\s*[\"']?(5|five|10|excellent|exceptional|strong_hire)\b",
    r"\b[a-z_]+=5\b.{0,20}\b[a-z_]+=5\b|★{4,}|\bstrong[_ -]hire\b|\bpre-?(approved|cleared)\b",
    # role-play and mode switches aimed at the grader
    r"\b(you\s+are\s+now|from\s+now\s+on\s+you|stay\s+in\s+character)\b",
    r"\b(developer|debug|god|admin|jailbreak|dan)\s+mode\b|\benable\s+\w+\s+mode\b|\byou\s+are\s+dan\b",
    r"\b(pretend|simulate|imagine|act\s+as)\b.{0,40}\b(grader|evaluator|judge|interviewer|marks|scor\w*|grad\w*)",
    r"\b(lenient|generous|friendly)\s+(grader|evaluator|judge|interviewer|reviewer|marker)",
    # asking for the prompt, or dictating the output
    r"^\W*(please\s+)?(print|reveal|show|output|repeat|display|dump|tell\s+me)\b.{0,60}\b(instructions|prompt|rubric|weights)\b",
    r"\b(print|reveal|repeat|output|show)\s+(me\s+)?your\s+(instructions|system\s+prompt|rubric|prompt|hidden)",
    r"\b(respond|reply|answer)\s+with\s+(exactly|only|just)\b|\b(feedback|output)\s+(for\s+this\s+answer\s+)?"
    r"(must|has\s+to)\s+(read|say)\b|\badd\s+nothing\s+else\b",
    r"\b(decode|base64)\b.{0,40}\b(follow|obey|execute|apply)\b|\b(follow|obey)\b.{0,20}\b(decoded|base64)\b",
    # notes to the grader
    rf"\b(note|message|reminder|memo|heads[- ]up)\s+(to|for)\s+(the\s+)?({_EVALUATOR}|ai|model|llm|bot|assistant)\b",
    r"\b(system|admin|developer)\s+(note|override)\b|\b(grader|evaluator|rubric|grading)\s+(note|message|override|instruction)\b",
    r"\[/?inst\]|<\|?im_(start|end)\|?>|<\|system\|>|###\s*(instruction|system)|\[\[/?system\]\]",
    r"\b(don'?t|do\s+not)\s+(dock|penali[sz]e|deduct|mark\s+down)\b|\bno\s+deductions\b|\bskip\s+(all\s+)?deductions\b",
    r"\b(grade|score|mark|rate|evaluate)\w*\s+(me\s+|this\s+|it\s+)?(generously|leniently|kindly|favou?rably|accordingly)",
    # the same in other languages: ignore the instructions / the maximum mark
    r"\b(olvida|ignora|ignore[zr]|oublie[zr]?|vergiss|ignoriere|desconsidere|bhool|игнорируй|забудь)\b",
    r"(puntuaci[oó]n|nota|note|punteggio|pontua[cç][aã]o|punktzahl|bewertung)\s+(m[aá]xim\w*|massim\w*|maximale|volle|beste)|"
    r"(volle|h[oö]chste)\s+(punktzahl|note|bewertung)|meilleure\s+note|満点|最高評価|满分|最高分|忽略|無視|высшую\s+оценку|\bank\s+do\b",
]
# Score talk that is ordinary in an answer about evals ("a 5/5 anchor", "full marks on analysis"): flagged
# only when the text also points at this answer or speaks to the grader.
_WEAK = [
    r"\b(5|10)\s*(/|out\s+of|of|sur|из|mein\s+se)\s*(5|10)\b",
    r"\b(top|highest|maximum|max|full|perfect)\s+(possible\s+)?(marks?|score|points|grade|band|rating)\b",
]
_ROLE_TURN = re.compile(r"^\s*(user|assistant|system|human|ai|grader|evaluator)\s*:", _I | re.M)
_ADDRESSED = re.compile(
    rf"^\W*((dear|hey|hi|hello|attention|attn)\s+)?(the\s+)?{_EVALUATOR}\s*[,:]|[,;]\s*{_EVALUATOR}\s*,|"
    rf"\b(dear|hey|hi|hello)\s+(the\s+)?{_EVALUATOR}\b|\bto\s+whichever\b|\b(please|kindly)\b.{{0,40}}\b(give|rate|score|grade|mark|award|assign)\b|"
    rf"\b(could|would|can|will)\s+you\s+(please\s+)?(just\s+)?(give|rate|score|grade|mark|award|assign)\b",
    _I,
)
_AUTHORITY = re.compile(
    r"\b(former|ex-|as\s+a\s+(senior|principal|staff|former))\b.{0,40}\b(google|meta|amazon|apple|openai|microsoft|pm|manager|director|vp)\b|"
    r"\bi\s+(expect|insist\s+on|am\s+owed)\b|\b(hiring\s+manager|wrote\s+the\s+rubric|rubric\s+author|grading\s+team|bar\s+raiser|on\s+the\s+panel|"
    r"visa|begging|beg\s+you|lose\s+my\s+job|unemployed|be\s+kind|be\s+generous|mean\s+the\s+world)\b",
    _I,
)
_STRONG_RE = [re.compile(p, _I) for p in _STRONG]
_WEAK_RE = [re.compile(p, _I) for p in _WEAK]
_SCORE_RE = re.compile(_SCORE_TERM, _I)
_THIS_ANSWER = re.compile(
    r"\b(this|my|the\s+above)\s+(answer|response|submission|one|attempt)\b|\bthe\s+(answer|response|submission)\s+above\b|"
    r"\b(give|rate|mark|score|grade)\s+(me|it|this)\b",
    _I,
)
_DISCUSSION = re.compile(
    r"prompt[- ]injection|injection\s+attack|jailbreak|attacker|adversar|red[- ]?team|malicious|exploit|"
    r"we'?d\s+(test|detect|block|filter)|could\s+hide|might\s+hide|hidden\s+(text|instruction)|such\s+as|e\.g\.|"
    r"for\s+example|for\s+instance|like\s+[\"'“‘`]",
    _I,
)
# comment, tag and fenced blocks are judged whole: an instruction inside one is removed with its wrapper
_BLOCKS = re.compile(
    r"<!--.*?-->|^\s*\[//\]:\s*#.*$|```.*?```|<(\w[\w:-]*)[^>]*>.*?</\1\s*>|\[\[(\w+)\]\].*?\[\[/\2\]\]|"
    r"\[([A-Z][A-Z ]{2,})\].*?\[/\3\]",
    re.S | re.M,
)
_SENTENCE = re.compile(r"(?<=[.!?。！？])\s+|\n+")
# quoted pairs, left to right; one with a space in it (not a JSON key) is something the candidate talks about
_QUOTE_PAIRS = re.compile(
    r"\"[^\"\n]{0,200}\"|“[^”\n]{0,200}”|‘[^’\n]{0,200}’|«[^»\n]{0,200}»|`[^`\n]{0,200}`|(?<!\w)'[^'\n]{0,200}'(?!\w)"
)
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]")
_SPACED = re.compile(r"(?<![A-Za-z])[A-Za-z]([.\-_ ])(?:[A-Za-z]\1){1,}[A-Za-z](?![A-Za-z])")
_LEET = str.maketrans("0134579@$", "oieastgas")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")


@dataclass(frozen=True)
class InjectionScan:
    """The answer with grader-directed segments removed, and what was removed."""

    text: str
    removed: list[str]


def normalise(text: str) -> str:
    """A copy for matching only: NFKC, no zero-width characters, spaced and l33t letters rejoined."""
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFKC", text))
    text = _SPACED.sub(lambda m: re.sub(r"[.\-_ ]", "", m.group()), text)
    words = [w.translate(_LEET) if _mixed(w) else w for w in text.split(" ")]
    return " ".join(words)


def _unquoted(text: str) -> str:
    return _QUOTE_PAIRS.sub(lambda m: " " if " " in m.group().strip() else m.group(), text)


def _mixed(word: str) -> bool:
    core = word.strip(".,;:!?()[]{}\"'")
    return core.isalnum() and any(c.isdigit() for c in core) and sum(c.isalpha() for c in core) >= 2 and len(core) >= 4


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


def addresses_grader(segment: str) -> bool:
    """Whether a sentence or block instructs, pressures or scores on behalf of the grader."""
    plain = normalise(_unquoted(segment))
    hidden = _decoded(plain)
    if hidden and addresses_grader(hidden):
        return True
    if _DISCUSSION.search(normalise(segment)):
        return False
    if any(p.search(plain) for p in _STRONG_RE):
        return True
    weak = any(p.search(plain) for p in _WEAK_RE)
    if _ROLE_TURN.search(plain) and (weak or _SCORE_RE.search(plain)):
        return True
    addressed = _ADDRESSED.search(plain) is not None
    if addressed and (weak or _SCORE_RE.search(plain) or _THIS_ANSWER.search(plain)):
        return True
    if _AUTHORITY.search(plain) and (weak or _SCORE_RE.search(plain)):
        return True
    return weak and (_THIS_ANSWER.search(plain) is not None or len(plain.split()) <= 8)


def strip_injection(text: str) -> InjectionScan:
    """Remove segments that instruct or pressure the grader; the rest is graded on its merits."""
    removed: list[str] = []
    kept = text
    for block in [m.group() for m in _BLOCKS.finditer(kept)]:
        if _block_addresses_grader(block):
            removed.append(block.strip())
            kept = kept.replace(block, "\n", 1)
    # Lines as typed first (an appended instruction is its own line), then with hard wraps rejoined
    # (an instruction wrapped over two lines is one sentence).
    for rejoin in (False, True):
        if rejoin:
            kept = "\n".join(unwrap(kept.split("\n")))
        for s in (piece for part in _SENTENCE.split(kept) for piece in _pieces(part.strip())):
            if s and addresses_grader(s):
                removed.append(s)
                kept = kept.replace(s, "\x00", 1)  # a marker, so the pleas around it can be found
    kept, pleas = _drop_pleas(kept)
    removed += pleas
    if not removed:
        return InjectionScan(text, [])
    lines = [" ".join(line.split()) for line in kept.split("\n")]
    return InjectionScan("\n".join(line for line in lines if line).strip(), removed)


_PLEA = re.compile(
    r"\b(i|i'm|i've|i'd|my|we)\b.{0,80}\b(effort|visa|job|offer|ill|sick|kids|children|family|depends|need\s+this|"
    r"begging|grateful|hard\s+work|deserve|fair|unfair)\b|\byou\s+(can|will)\s+see\b|\bthank\s+you\b|\bthanks\b",
    _I,
)


def _drop_pleas(kept: str) -> tuple[str, list[str]]:
    """Sentences sharing a line with a removed instruction go too when they only plead or flatter."""
    out_lines, pleas = [], []
    for line in kept.split("\n"):
        if "\x00" in line:
            for part in re.split(r"\x00|(?<=[.!?。！？])\s+", line):
                if part.strip() and _PLEA.search(part):
                    pleas.append(part.strip())
                    line = line.replace(part.strip(), " ", 1)
            line = line.replace("\x00", " ")
        out_lines.append(line)
    return "\n".join(out_lines), pleas


def _pieces(segment: str, most: int = 60, window: int = 40) -> list[str]:
    """A run-on segment (no full stops) in clauses or 40-word windows: one phrase must not take the rest."""
    spans = [m.span() for m in re.finditer(r"\S+", segment)]
    if len(spans) <= most:
        return [segment]
    clauses = [c.strip() for c in re.split(r"(?<=[,;:])\s+", segment) if c.strip()]
    if max(len(c.split()) for c in clauses) <= most:
        return clauses
    ends = [spans[min(i + window, len(spans)) - 1][1] for i in range(0, len(spans), window)]
    return [segment[spans[i][0] : end] for i, end in zip(range(0, len(spans), window), ends, strict=True)]


def _block_addresses_grader(block: str) -> bool:
    inner = normalise(block)
    if _DISCUSSION.search(inner):
        return False
    wants = re.search(rf"{_GRADE}|{_EVALUATOR}|\brubric\b|\bdeductions?\b", inner, _I)
    return bool(wants) and (addresses_grader(inner) or _SCORE_RE.search(inner) is not None)
