"""Verbose, empty answers made of stock phrases are capped; a real answer with some filler attached is not."""

from __future__ import annotations

from interviewer.evaluation.suites import FILLER
from interviewer.questions import custom_question
from interviewer.rules import RuleGrader
from interviewer.stock import stock_phrase, stock_share

GRADER = RuleGrader()
QUESTION = custom_question(
    "You're the AI PM at a regional dental-lab network that makes 9,000 crowns a month. It launched a model "
    "that flags scans likely to need a remake before milling. How would you measure whether it is working?",
    "metrics",
)
# fluent, on the question's words, and says nothing: no metric named with a target, no number, no decision
EMPTY = (
    "This is a really important question, because in dental care quality is everything and trust is what the "
    "whole business is built on. When we measure an AI system like this we need to think holistically about all "
    "the stakeholders involved, from the technicians in the lab to the dentists and of course their patients. "
    "Each of them experiences value differently, and a good measurement approach should find the right balance "
    "between them. I think the first step is to make sure we are measuring the right things and not only what "
    "is easy to measure, since vanity metrics can hide what really matters for the lab. We should also remember "
    "that adopting AI is a journey, and technicians need time to trust the flags and change how they work. "
    "Ultimately the metrics should align with the company's strategic goals and help leadership make better "
    "data-driven decisions, and I would refine them continuously together with the lab teams over time."
)
REAL = (
    "North star: remakes per 1,000 crowns, today about 40. The model's job is to catch a bad scan before "
    "milling, so I'd track precision and recall of its flags against remakes that actually happen, weekly. "
    "Guardrails: flagged scans that turn out fine (each costs a technician 10 minutes and delays the case a "
    "day), and turnaround time, which must not rise above 5 days. I'd run it in 3 of our labs first, with the "
    "others as the comparison, and keep a human check on every flag for the first month."
)


def test_a_long_answer_made_of_stock_phrases_is_vague_and_capped_at_two() -> None:
    g = GRADER.grade(QUESTION, EMPTY)
    assert "vague" in g.flags and g.overall <= 2
    assert "“really important question”" in g.tip  # the feedback names the phrase it read


def test_a_real_answer_with_a_paragraph_of_filler_is_not_vague() -> None:
    plain = GRADER.grade(QUESTION, REAL)
    for padded in (f"{REAL}\n\n{FILLER}", f"{FILLER}\n\n{REAL}"):
        g = GRADER.grade(QUESTION, padded)
        assert "vague" not in g.flags
        assert g.overall >= plain.overall - 1


def test_phrases_strong_answers_use_in_earnest_do_not_make_an_answer_vague() -> None:
    # few figures, and "it's important to", "we need to make sure", "key stakeholders", "the right metrics",
    # "it depends on", "balancing … between", "the heart of", "in the long run" used for what they say
    earnest = (
        "It's important to separate two questions: does the model catch scans that would fail, and does that save "
        "the lab anything. The heart of the problem is that a remake costs a second milling run and a week of the "
        "patient's time. It depends on where the flag lands: before milling it saves material, after it saves "
        "nothing. So the right metrics are recall on scans that were later remade, precision of the flags, and "
        "remakes per thousand crowns in labs that use it against labs that do not yet. We need to make sure "
        "technicians are not overruled by the flag: they see it, they decide, and we log when they disagree. The "
        "key stakeholders are the technicians and the dentists who order crowns; balancing between too many "
        "flags and missed remakes is a threshold choice we revisit monthly. In the long run the disagreement log "
        "is the best training data we have, so I would review it every month with the lab leads. I would roll it "
        "back if turnaround slips or if technicians start ignoring the flags altogether."
    )
    g = GRADER.grade(QUESTION, earnest)
    assert "vague" not in g.flags and g.overall >= 3


def test_stock_share_reads_the_emptier_half() -> None:
    filler = ["This is a really important question.", "We need to think holistically here."]
    facts = ["Remakes are 40 per 1,000 crowns.", "I'd pilot in 3 labs.", "Precision of flags is the target."]
    assert stock_share(filler + facts).share == 0.0  # all the stock phrasing sits in one half
    stock = stock_share([filler[0], facts[0], filler[1], facts[1]])
    assert stock == (0.5, 2, "really important question")
    assert stock_phrase("We weigh the stakeholders' trade-off: cost against a 2-day delay.") is None


def test_the_questions_own_figures_restated_do_not_make_an_empty_answer_specific() -> None:
    # fresh21-030: "9,000 crowns" and "a month" are the question's, not the answer's; the same answer with a
    # figure of its own is not vague for want of figures
    restated = EMPTY.replace("from the technicians", "from the technicians making 9,000 crowns a month")
    assert "vague" in GRADER.grade(QUESTION, restated).flags
    own = EMPTY.replace("from the technicians", "from the 14 technicians who check 300 flags a day")
    assert "vague" not in GRADER.grade(QUESTION, own).flags


def test_consulting_cliches_are_stock_phrases() -> None:
    # grader-fresh24-035, a verbose build-vs-buy answer that named no option it would pick, scored 3
    for sentence in (
        "There isn't a one-size-fits-all answer, because each option has its pros and cons.",
        "So the key is to bring the right stakeholders together and make an informed decision.",
        "It's important to stay flexible, because the AI landscape is changing so quickly.",
    ):
        assert stock_phrase(sentence), sentence
    assert stock_phrase("We'd weigh latency against cost per call and pick the hosted API for launch.") is None
