"""Answers that set the question aside for another problem in the same business.

"Honestly the bigger issue is the labour shortage, so I'd build an apprenticeship marketplace" reuses
the question's business words (HVAC, technicians, contractors) but not the words of what it asks about
(the AI feature, the decision). Two signs together mark it: the answer says it is turning away, and it
barely touches the words of the question's own ask.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .reuse import question_reuse_terms, question_sentences, reuse_terms, weighted_reuse

# the candidate announces another problem than the one asked ("the risk is not the model itself", "I'd actually
# ship it to 5% first" and "the agent should step back" do not)
_TURNS_AWAY = re.compile(
    r"\b(i'?d|i\s+would)\s+actually\s+(look\s+at|focus\s+on|build|go\s+after|work\s+on|question|put|spend)\b|"
    r"\bthe\s+(bigger|biggest|real|more\s+important)\s+(ai\s+|strategic\s+|operational\s+|business\s+)?"
    r"(issue|problem|opportunity|question|lever|priority|constraint|win)\b|"
    # "StoreSafe's biggest lever is pricing" (not "the CFO's real question", which restates the one asked)
    r"\b(our|their|[a-z]+'s)\s+(bigger|biggest)\s+(\w+\s+)?(issue|problem|opportunity|lever|priority|win)\b|"
    r"\bbefore\s+(any|we\s+build\s+any)\s+ai\b|\bquestion\s+the\s+premise\b|"
    r"\bi'?d\s+approach\s+this\s+as\s+an?\s+[\w-]+\s+problem\b|\bwhat\s+i'?d\s+(do|build|propose)\s+instead\b|"
    r"\bthe\s+root\s+cause\s+is\b|\b(isn'?t|is\s+not)\s+(a\s+|an\s+|the\s+)?[\w\s-]{0,25}?(technology|tech|paperwork|"
    r"the\s+ai|an?\s+ai\s+problem|a\s+model\s+problem),\s+it'?s\b|"
    # a declared focus elsewhere ("where I'd put my attention is the intake side"); not a bare "I'd focus on",
    # which on-topic answers say as often
    r"\b(what|where|the\s+thing)\s+i'?d\s+(really\s+|most\s+)?(push\s+on|push\s+for|prioriti[sz]e|put\s+my\s+(attention|"
    r"energy|effort)|measure\s+success\s+on|bet\s+on)\b|\bthe\s+next\s+step\s+i'?d\s+push\s+for\b|"
    r"\bthe\s+most\s+valuable\s+(\w+\s+){0,2}(investment|opportunity|bet|lever)\b|\bto\s+grow\s+the\s+(\w+\s+){0,2}i'?d\b|"
    r"\bi'?d\s+(rather|instead)\s+(focus|build|look|spend|invest)\b|\bi'?d\s+(focus|spend|invest)\s+\w+(\s+\w+){0,5}\s+instead\b",
    re.IGNORECASE,
)
# an AI feature in a question's setting: the sentences that say what the feature does
_FEATURE = re.compile(
    r"\b(ai|llm|gen\s?ai|model|models|agent|assistant|chatbot|copilot|automat\w*|generat\w*|predict\w*|draft\w*|"
    r"classif\w*|vision|recommend\w*|summar\w*|transcri\w*|semantic|machine\s+learning|ml|detect\w*|forecast\w*|"
    r"triage|extract\w*|suggest\w*|scor\w*|rank\w*)\b",
    re.IGNORECASE,
)


# "I'd prioritise an in-cab driver fatigue monitor", "I led the launch of an AI returns assistant": a feature
# of the answer's own, named by the words before its noun
_PROPOSES = re.compile(
    # choosing or pitching one, or a story from a past role; with "a"/"an", a new thing: "the X" is the asked one
    r"\b(i'?d|i\s+would|we'?d|i)\s+(?:(?!not\b|never\b)\w+\s+){0,2}?(prioriti[sz]e|pitch|propose|led\s+the\s+launch\s+of|"
    r"launched|built)\s+(a|an)\s+(?P<named>(?:[\w-]+\s+){0,4}?)(assistant|chatbot|copilot|agent|model|engine|monitor|tool|feature|system|"
    r"app|bot|classifier|recommender|optimi[sz]er|predictor|forecaster|scheduler|router|planner|marketplace|dashboard|platform|"
    r"programme|program)\b|"
    # an offer of the business introduced instead: "I'd introduce a daytime-only membership tier" (fresh32-039; not
    # "I'd introduce a measurement plan" or "I'd build a monitoring dashboard", which on-topic answers say: a review)
    r"\b(i'?d|i\s+would|we'?d)\s+(?:(?!not\b|never\b)\w+\s+){0,2}?(introduce|set\s+up|create|offer|launch)\s+(a|an)\s+"
    r"(?P<offer>(?:[\w-]+\s+){0,4}?)(membership|subscription)(\s+(tier|plan|option))?\b",
    re.IGNORECASE,
)
# words that describe any AI feature, not which one
_ANY_FEATURE = frozenset(
    "ai llm genai gen ml base clear large language open source simple small custom multimodal new internal basic "
    "rules rule based lightweight smart first single v1 mvp proper dedicated full powered driven generative machine "
    "learning deep gpt own better good shadow mode pilot beta trial staged phased".split()
)
# the question leaves the feature to the candidate: "what would you build?", "which AI opportunity first?"
_OPEN_ASK = re.compile(
    r"\bwhat\s+(ai\s+)?(\w+\s+)?(would|should)\s+(you|we)\s+(build|propose|prioriti[sz]e|pick|launch|pitch)\b|"
    r"\bwhich\s+(ai\s+)?(feature|product|use\s+case|opportunit\w*|bet|idea|initiative)|\bwhere\s+(would|should)\s+(you|we)\s+"
    r"(use|apply|start|invest|put)\b|\bidentify\s+(the\s+)?(best\s+)?(opportunit\w*|use\s+cases?)\b|"
    r"\b(an?|the)\s+ai\s+(product|strategy|roadmap|opportunity)\b",
    re.IGNORECASE,
)


def turns_away(answer: str, question: str = "") -> bool:
    """Whether the answer announces another problem than the question's, or proposes a feature it does not name."""
    return _TURNS_AWAY.search(answer) is not None or (bool(question) and _proposes_other(question, answer))


def _proposes_other(question: str, answer: str) -> bool:
    if _OPEN_ASK.search(question):
        return False
    asked = question_reuse_terms(question)
    for m in _PROPOSES.finditer(answer):
        said = m.group("named") if m.group("named") is not None else m.group("offer")
        words = re.findall(r"\w+", said.lower())  # "shadow-mode": each part on its own
        named = reuse_terms(" ".join(w for w in words if w not in _ANY_FEATURE))
        if named and len(named & asked) < len(named) / 2:  # mostly words the question never uses
            return True
    return False


@lru_cache(maxsize=512)
def _ask_terms(question: str) -> frozenset[str]:
    sentences = question_sentences(question)
    asked = [s for s in sentences if _FEATURE.search(s)] + sentences[-1:]
    return frozenset().union(*(reuse_terms(s) for s in asked)) if asked else frozenset()


def ask_reuse(question: str, answer_terms: frozenset[str]) -> float:
    """Share of the words of the question's feature and ask an answer reuses, each weighted by rarity."""
    return weighted_reuse(_ask_terms(question), answer_terms)


# what an answer proposes ("I'd pilot…", "we should…", "Start with…") and what speaks of the candidate ("I", "my")
_PROPOSAL = re.compile(
    r"\b(i'?d|we'?d|i\s+would|we\s+would|i'?ll|we'?ll|i\s+will|we\s+will|would|should|could|must|need\s+to|let's|"
    r"going\s+to|plan|recommend|propose|suggest)\b|^\W*(start|launch|ship|run|measure|track|use|build|pilot|roll|set|"
    r"add|keep|watch|define|test|gate|cap)\b",
    re.IGNORECASE,
)
_ME = re.compile(r"\b(i|i'm|i've|my|me)\b", re.IGNORECASE)
# the candidate presenting themselves, not a project: a past launch told as evidence ("In my last role I set rollback
# triggers…") proposes nothing either, but it answers the question
_SELF_PRESENTED = re.compile(
    r"\b(a\s+bit\s+(of\s+context\s+)?(about|on)\s+(me|myself)|context\s+on\s+me|about\s+myself|my\s+(background|career|"
    r"journey|resume|cv)|i'?m\s+(really\s+|so\s+)?(excited|passionate)\s+about|(personal|close\s+to\s+home)\s+for\s+me|"
    r"this\s+one'?s\s+close\s+to\s+home|i\s+grew\s+up|bootcamp|my\s+(partner|wife|husband|mum|mom|dad|parents|family)\b|"
    r"i'?ve\s+always\s+(admired|loved|wanted))",
    re.IGNORECASE,
)


# a question about the candidate ("Tell me about a time…") is answered with their own story (a review)
_ABOUT_YOU = re.compile(
    r"\b(tell\s+(me|us)\s+about\s+(a\s+time|yourself|your)|a\s+time\s+(when\s+)?you|walk\s+(me|us)\s+through\s+your|"
    r"your\s+(own\s+)?(experience|background|career|story|journey)|why\s+do\s+you\s+want|introduce\s+yourself|"
    r"about\s+yourself|describe\s+a\s+(time|situation|project)\s+(when|where|you))\b",
    re.IGNORECASE,
)


def tells_own_story(sentences: list[str], question: str = "") -> bool:
    """An answer about the candidate, not the question: they present themselves ("a bit about me", "personal for me"),
    most sentences speak of "I" or "my" and propose nothing, and at most a quarter propose anything."""
    said = [s for s in sentences if len(s.split()) >= 3]
    if len(said) < 3 or _ABOUT_YOU.search(question) or not any(_SELF_PRESENTED.search(s) for s in said):
        return False
    proposing = [bool(_PROPOSAL.search(s)) for s in said]
    about_me = sum(not p and _ME.search(s) is not None for s, p in zip(said, proposing, strict=True))
    return sum(proposing) <= len(said) / 4 and about_me >= len(said) / 2
