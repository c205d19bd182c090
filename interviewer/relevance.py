"""How close in meaning an answer is to the question, and to what it asks: two inputs of the off-topic model.

Word reuse cannot tell an answer about the asked feature from one about another problem of the same business:
both name the shop, its customers, its numbers. A sentence encoder sees more of the difference: a pricing plan
under a question about a booking assistant's success measures sits further from the question as a whole, and
further still from what it asks (its last sentence ending in a question mark). The cosines are inputs of the fitted
model (offtopic.py), never a verdict on their own: on the tuning rows the off-topic answers' median cosine to the
question was 0.47 and that of on-topic gold 3-5 answers 0.61, and the two overlap.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .minilm import embed_local
from .reuse import question_sentences

if TYPE_CHECKING:  # numpy loads with the encoder, not with the grader: launch stays fast
    import numpy as np

# an answer's opening says what it is about: read further, the cosines told off-topic answers from on-topic ones no
# better (fit_offtopic.py --cv, session 21, then with the last sentence as the ask: 56 of 148 off-topic flagged
# either way, on-topic gold 3-5 1 of 784 here, 2 at 256 tokens), at twice the cost (13 ms against 29 ms an answer)
READ_WORDS = 100


# An interview reads its question at every turn, and an answer graded twice (rules.py: with and without text leaning
# on the grader) is one text if the leaning text lies past its first READ_WORDS words; the evals and fitting scripts
# grade every gold answer once per fold or pass (about 3 KB a vector: 12 MB when full, which only they fill)
@lru_cache(maxsize=4096)
def _vector(text: str) -> np.ndarray:
    import numpy as np

    return np.asarray(embed_local([text])[0], dtype=np.float64)


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b)  # the vectors are normalised


def similarities(question_text: str, answer_text: str) -> tuple[float, float]:
    """Cosines of the answer's first READ_WORDS words to the whole question and to what it asks."""
    answer = _vector(" ".join(answer_text.split()[:READ_WORDS]))
    # the last question asked, not the last sentence: "Walk me through your decision." or "You have five minutes."
    # after it says nothing of the subject, and a fair build-or-buy answer read as off-topic against it (a review)
    asks = [x for x in question_sentences(question_text) if x.rstrip().endswith("?")]
    ask = asks[-1] if asks else question_text
    return _cosine(_vector(question_text), answer), _cosine(_vector(ask), answer)
