"""Red flags in how a candidate would build the model: a large model of the company's own trained from scratch or
pretrained on its data, or facts the model is to memorise instead of retrieving them.

From session 27's tuning answers: thirteen confidently wrong ones (gold 1-2) propose one of these and no other tuning
answer does; the patterns read ten of them ("I'd train a custom vision transformer from scratch on the 7 years of
photos", "Buy a GPU cluster and pretrain a 13B model on our corpus", "so the model memorises our drill results"). Only
a proposal counts: what a vendor, a competitor or "some teams" do, an option listed, a small model, and anything
rejected, conditional or weighed ("Pretraining an LLM from scratch is not something a 12-person startup should do")
do not.
"""

from __future__ import annotations

import re
from typing import Literal

IC = re.IGNORECASE
# the candidate proposing it: "I'd", "we'll", "my recommendation is to", "I'd have the data scientist", an order
# ("Build our own LLM from scratch.", "Hire 6 ML engineers … and train…") or a plan's step ("So the plan: train…")
_PROPOSED = (
    r"(\b(i'?d|i\s+would|we'?d|we\s+would|i'?ll|i\s+will|we'?ll|we\s+will|we\s+should|let'?s|"
    r"(my\s+recommendation|the\s+plan)\s+is\s+to)\s+((just|then|also|first|simply|actually)\s+)?"
    r"(have\s+(the\s+|our\s+|a\s+)?[\w-]+(\s+[\w-]+)?\s+)?|^\W*|\band\s+|"
    # a plan's step, not any label ("The board's ask: build…", "- Build: train…" are what others want or an option)
    r"\b(plan|step\s*\d*|phase\s*\d*|months?\s+[\d-]+|weeks?\s+[\d-]+|q[1-4]|practically|recommendation)\s*:\s*)"
)
# a large language model named as such ("a wine language model", "a vision-language model", "a custom transformer", "a
# 13B model"); "our own churn model", a small vision model or a classifier is always trained on the company's data
_LLM = (
    r"(llm|gpt|(large\s+)?language\s+model|foundation\s+model|transformer|\d+(\.\d+)?\s*b(illion)?[\s-]+(parameter\s+)?"
    r"model)"
)
FROM_SCRATCH = re.compile(
    rf"{_PROPOSED}(train|build)\s+([\w-]+\s+){{0,5}}?(\w+-)?{_LLM}s?\s+([\w-]+\s+){{0,4}}?from\s+(scratch|the\s+ground\s+up)\b|"
    # "Buy a GPU cluster and pretrain a 13B model on our corpus", "take an open architecture, pretrain it from scratch";
    # not continued or self-supervised pretraining of a small part ("pretrain the encoder", "pretrain it for 2B more
    # tokens")
    rf"({_PROPOSED}|,\s*)pre-?train\s+(a|an|our|the|it)\s+(([\w-]+\s+){{0,3}}?{_LLM}s?\b|from\s+scratch\b)",
    IC,
)
# facts the model is to hold instead of retrieving them ("so the model memorises our drill results", "the model will
# then memorise our research"); not a risk ("will memorise our customers' card numbers"), style or a test set
MEMORISED = re.compile(
    r"\b(so|then|will)\s+(the\s+model\s+|it\s+)?(\w+\s+)?memori[sz]e[sd]?\s+our\s+([\w-]+\s+){0,3}?(research|results|"
    r"documents|catalogue|catalog|records|archive|knowledge|policies|products|prices|reports|specs|manuals|geology)\b",
    IC,
)
# a sentence that rejects, weighs, compares, conditions or asks: the proposal is not the candidate's
_NOT_PROPOSED = re.compile(
    r"\b(if|unless|might|may|could|consider\w*|avoid\w*|instead|rather\s+than|not|never|\w+n['’]t|cannot|nothing|"
    r"no\s+(way|sense|need)|out\s+of\s+(reach|the\s+question)|off\s+the\s+table|unrealistic|overkill|"
    r"too\s+(slow|costly|expensive|risky|much|few)|costs?\s+millions|mistake|options?(\s+\w+)?\s*:|either|vs|versus|"
    r"alternatives?|worst\s+case|paths|weighed|compared?|labs|continued?|further)\b|"
    r"\(\s*[1-3a-c]\s*\)|\?\s*$",
    IC,
)
# a risk, a condition, a privacy warning or an eval: "the model will memorise the training examples if we overfit"
_NOT_MEMORISED = re.compile(
    r"\b(if|unless|only|might|may|could|cannot|risk\w*|overfit\w*|noise|leak\w*|nothing|never|not|no|avoid\w*|"
    r"mask\w*|scrub\w*|redact\w*|privacy|pii|personal|test\s+set|benchmark|evals?|without)\b",
    IC,
)
BUILD_PATTERNS: list[tuple[Literal["from_scratch", "memorised_facts"], re.Pattern[str]]] = [
    ("from_scratch", FROM_SCRATCH),
    ("memorised_facts", MEMORISED),
]
BUILD_UNLESS = {"from_scratch": _NOT_PROPOSED, "memorised_facts": _NOT_MEMORISED}
