"""How close in meaning an answer is to the question, and to what it asks: two inputs of the off-topic model.

Word reuse cannot tell an answer about the asked feature from one about another problem of the same business:
both name the shop, its customers, its numbers. A sentence encoder sees more of the difference: a pricing plan
under a question about a booking assistant's success measures sits further from the question as a whole, and
further still from its last sentence, the ask. The cosines are inputs of the fitted model (offtopic.py), never a
verdict on their own: on the tuning rows the off-topic answers' median cosine to the question was 0.47 and that of
on-topic gold 3-5 answers 0.61, but one in ten off-topic answers sat above that median.
"""

from __future__ import annotations

from functools import lru_cache

from .minilm import embed_local
from .reuse import question_sentences

# an answer's opening says what it is about: read further, the cosines told off-topic answers from on-topic ones no
# better (fit_offtopic.py --cv: 56 of 148 off-topic flagged either way, on-topic gold 3-5 1 of 784 here, 2 at 256
# tokens), at twice the cost (13 ms against 29 ms an answer here)
READ_WORDS = 100


@lru_cache(maxsize=256)
def _vector(text: str) -> tuple[float, ...]:
    # an interview grades each answer up to twice (rules.py: with and without text leaning on the grader), and
    # the question and its ask at every turn
    return tuple(embed_local([text])[0])


def _cosine(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    return float(sum(x * y for x, y in zip(a, b, strict=True)))  # the vectors are normalised


def similarities(question_text: str, answer_text: str) -> tuple[float, float]:
    """Cosines of the answer's first READ_WORDS words to the whole question and to its last sentence."""
    answer = _vector(" ".join(answer_text.split()[:READ_WORDS]))
    ask = question_sentences(question_text)[-1] if question_text.strip() else question_text
    return _cosine(_vector(question_text), answer), _cosine(_vector(ask), answer)
