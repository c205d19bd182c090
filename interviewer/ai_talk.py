"""How much an answer talks about an AI feature at all: the model, its data, its checks, what it does.

An answer that takes up another problem of the same business (membership tiers when the launch of an assistant was
asked, a fabric visualiser when the choice of a quoting model was) reuses the business's words but names none of
this; one about the feature asked names it every sentence or two. The off-topic model (offtopic.py) reads it.
"""

from __future__ import annotations

import re

# what talk about an AI feature names: the model and its data, how it is checked, what it does. An answer about
# the business's pricing or hiring names none of it; one about the feature asked names it every sentence or two.
# Not words that ordinary business talk uses as often (a review): "agents" (a contact centre's), "summary",
# "recommendation" (the candidate's), "vision", "generate $2M", "accurate", "forecast", "recall" (a product's),
# "labelling" (a package's), "escalate", a pricing or business "model".
_AI_TALK = re.compile(
    r"\b(ai|llms?|gen\s?ai|(?<!pricing\s)(?<!business\s)(?<!membership\s)(?<!operating\s)(?<!subscription\s)"
    r"(?<!revenue\s)(?<!financial\s)(?<!cost\s)(?<!delivery\s)(?<!staffing\s)models?|assistants?|chat\s?bots?|bots?|"
    r"copilots?|ai\s+agents?|evals?|evaluat\w*|hallucinat\w*|"
    r"precision|accuracy|false\s+(positive|negative)s?|human[\s-]+(in[\s-]+the[\s-]+loop|review\w*)|"
    r"fallbacks?|confidence\s+(threshold|score)s?|prompts?|fine[\s-]?tun\w*|training\s+data|trained\s+on|gpus?|tokens?|"
    r"latency|inference|rag|retriev\w*|embeddings?|classif\w*|computer\s+vision|ocr|machine\s+learning|ml|automat\w*|"
    r"generative|generated|predict\w*|recommender|ai\s+recommendations?|draft\w*|summari[sz]\w*|transcri\w*|detect\w*|"
    r"algorithm\w*|datasets?|labell?ed\s+(data|examples|set)|data\s+labell?ing|labell?ers|ground\s+truth|drift|"
    r"bias(es|ed)?|guardrails?|red[\s-]team\w*)\b",
    re.IGNORECASE,
)
AI_TALK_WORDS = 20  # one mention in this many words reads as an answer about the feature (1.0)


def ai_talk(sentences: list[str], n_words: int) -> float:
    """Mentions of AI-feature talk per AI_TALK_WORDS words, at most 1.0.

    A pure-arithmetic answer to "size the opportunity" names little of it too (fresh16-007, gold 3: the model's 0.6
    threshold keeps it on topic); read as 1.0 whenever the question asks for numbers, the model lost more off-topic
    answers than that saved (session 20).
    """
    mentions = sum(len(_AI_TALK.findall(s)) for s in sentences)
    return min(1.0, mentions * AI_TALK_WORDS / max(1, n_words))
