"""Roughly which language an answer is in: the rule grader reads English only, and says so."""

from __future__ import annotations

import re

from .text import FUNCTION_WORDS

# the commonest words of each language: a handful of them make up a fifth of any sentence
_COMMON = {
    "German": "der die das und ist nicht ich wir sie es ein eine einen zu mit auf für von den dem im auch sich "
    "werden wird würde oder aber wenn dass als bei nach noch nur sehr kann können wie",
    "French": "le la les et est pas je nous vous il elle un une des du pour avec sur dans que qui ce cette sont "
    "être mais ou si au aux leur leurs plus comme on",
    "Spanish": "el la los las y es yo nosotros un una del para con en que por se lo como más pero si al su sus "
    "este esta son ser muy también",
    "Portuguese": "o os as é não eu nós um uma do da para com em que por se como mais mas ou na dos das seu sua "
    "são ser muito também",
    "Italian": "il lo gli le è non io noi un una di del della per con su che chi questo questa sono essere ma se "
    "anche molto come più",
    "Dutch": "de het een en is niet ik wij we zij van voor met op dat die dit deze zijn worden maar of als bij "
    "naar ook kan",
}
_SETS = {name: frozenset(words.split()) for name, words in _COMMON.items()}
_WORD = re.compile(r"[^\W\d_]+")


def other_language(text: str) -> str | None:
    """The language an answer seems written in, when it is clearly not English; None otherwise."""
    tokens = _WORD.findall(text.lower())
    if len(tokens) < 15:
        return None
    english = sum(t in FUNCTION_WORDS for t in tokens) / len(tokens)
    share, name = max((sum(t in words for t in tokens) / len(tokens), name) for name, words in _SETS.items())
    return name if english < 0.12 and share >= 0.2 else None
