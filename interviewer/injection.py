"""Finds text in an answer that addresses the grader instead of the interviewer's question."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Each pattern is an instruction or claim aimed at whoever scores the answer. They are matched per
# sentence, and a sentence that *talks about* such attacks (quotes them, names injection, attackers,
# red-teaming) is not flagged: candidates legitimately discuss prompt injection as a product risk.
_PATTERNS = [
    r"\b(ignore|disregard|forget|override|bypass)\b.{0,40}"
    r"\b(instruction|rubric|rule|prompt|guideline|criteria|grading|above|previous|prior)",
    r"\b(give|grade|score|rate|mark|award|assign)\s+(this|my|the)\s+(answer|response|candidate|submission)\b.{0,30}"
    r"(5\s*/\s*5|10\s*/\s*10|\b(five|full|perfect|maximum|highest|top|excellent)\b)",
    r"\b(give|grade|score|rate|mark)\s+me\s+(a\s+)?(5|five|10|full|perfect|top|excellent)\b",
    r"\b(5\s*/\s*5|10\s*/\s*10)\b",
    r"\b(score|grade|rating|mark)\s*[:=]\s*(5|five|10)\b",
    r"\b[45]\s*/\s*5\b.{0,20}\b(on|for|across)\b.{0,20}\b(all|every|each)\b",
    r"\b(system|admin|developer|grader|evaluator|assessor|rubric)\s*(note|message|override|instruction|update)\b",
    r"\bsystem\s*prompt\s*:",  # "system prompt" alone is ordinary AI-product vocabulary
    r"\b(to|for)\s+(the\s+)?(scoring|grading|evaluat\w*|review\w*)\s+(model|ai|system|assistant|llm|bot)\b",
    r"\b(the\s+)?(ai|model|llm|bot)\s+(reviewing|grading|scoring|evaluating|reading)\s+(this|my)\b",
    r"\brate\s+(it|this|me|my\s+answer)\s+(as\s+)?(an?\s+)?(excellent|5|five|top|perfect|10)\b",
    r"\b(don'?t|do\s+not)\s+dock\b|\bdock\s+(any\s+)?points\b",
    r"\b(this|my)\s+(exact\s+)?answer\s+is\s+(a\s+)?(5|five|10|perfect|excellent)\b",
    r"\bnote\s+to\s+(the\s+)?(grader|evaluator|assessor|ai|model|reviewer|llm)\b",
    r"\b(developer|debug|god|admin|jailbreak)\s+mode\b",
    r"\byou\s+are\s+now\b|\bact\s+as\s+(a|an|the)\s+(lenient|generous|friendly)",
    r"\bpretend\s+(you|that)\b",
    r"\b(grade|score|mark|rate|evaluate)\w*\s+(me\s+|this\s+|it\s+)?(generously|leniently|kindly|favou?rably)",
    r"\b(former|ex-|senior|principal|staff)\b.{0,40}\b(google|meta|amazon|apple|openai|microsoft|pm|manager|director|vp)\b"
    r".{0,80}\b(expect|deserve|full marks|grade|score|generous)",
    r"\b(this|my)\s+answer\s+(deserves|merits|should\s+(get|receive|be\s+(graded|scored|rated)))\b",
    r"\b(full|perfect|maximum|top)\s+(marks|score|points)\b",
    r"\[/?inst\]|<\|?im_(start|end)\|?>|<\|system\|>|^\s*(system|assistant)\s*:|###\s*(instruction|system)",
    r"\bdo\s+not\s+(penali[sz]e|deduct|lower|mark\s+down)\b",
    r"\b(strong|clear)\s+hire\b|\bpre-?approved\b|\balready\s+(decided|approved)\b",
]
_COMPILED = [re.compile(p, re.IGNORECASE) for p in _PATTERNS]
_DISCUSSION = re.compile(
    r"prompt[- ]injection|injection attack|jailbreak attempt|attacker|adversar|red[- ]?team|malicious|"
    r"we'?d (test|detect|block|filter)|could hide|might hide|hidden (text|instruction)|such as|e\.g\.|for example",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_QUOTED = re.compile(r"[\"“'‘][^\"”'’]{3,120}[\"”'’]")


@dataclass(frozen=True)
class InjectionScan:
    """The answer with grader-directed sentences removed, and what was removed."""

    text: str
    removed: list[str]


def _addresses_grader(sentence: str) -> bool:
    unquoted = _QUOTED.sub(" ", sentence)
    if not any(p.search(unquoted) for p in _COMPILED):
        return False
    return not _DISCUSSION.search(sentence)


def strip_injection(text: str) -> InjectionScan:
    """Remove sentences that instruct or pressure the grader; the rest is graded on its merits."""
    removed: list[str] = []
    kept_text = text
    for s in (part.strip() for part in _SENTENCE.split(text)):
        if s and _addresses_grader(s):
            removed.append(s)
            kept_text = kept_text.replace(s, " ", 1)
    if not removed:
        return InjectionScan(text, [])
    lines = [" ".join(line.split()) for line in kept_text.split("\n")]
    return InjectionScan("\n".join(line for line in lines if line).strip(), removed)
