"""A metrics question answered without a word about measuring (the tech stack, the pricing) answers another one."""

from __future__ import annotations

from dataclasses import replace

from interviewer.knowledge import question_by_id
from interviewer.measuring import asks_measuring, measuring_share
from interviewer.questions import custom_question
from interviewer.replies import read_reply
from interviewer.rule_params import DEFAULT
from interviewer.rules import RuleGrader

METRICS_Q = (
    "A podcast platform now auto-generates an AI transcript and chapter markers for 90,000 episodes a month; "
    "creators can edit the drafts before publishing. How would you measure whether the feature is working?"
)
BUILD_Q = (
    "A podcast platform wants to auto-generate an AI transcript and chapter markers for 90,000 episodes a month; "
    "creators can edit the drafts before publishing. How would you build the feature?"
)
# fluent, about the feature asked about, in the business's words: and not one sentence about how to know it works
STACK = (
    "I'd run each episode through a hosted speech model with speaker diarisation, then cut the transcript into "
    "five-minute windows and ask a mid-size LLM to propose chapter titles with timestamps. The editor shows the "
    "draft next to the waveform so creators can drag the markers before publishing. Long episodes go through a "
    "batch queue overnight, and the transcripts live in Postgres with the audio in object storage. I'd keep "
    "embeddings of each creator's past chapters so the model can reuse their naming style."
)
# on topic in words the vocabulary must know: judging, acceptance, complaints per 1,000, alerts, points
MEASURED = (
    "A bad chapter marker is usually about a broken expectation, not a wrong timestamp: a sponsor read split in two. "
    "I'd judge the feature on how many drafts creators accept unedited, complaints per 1,000 published episodes, "
    "and whether listeners who use chapters finish more of the episode than those who don't. "
    "Alerts: any chapter title with profanity the creator did not say, or acceptance falling 3 points in a week."
)


def test_the_ask_decides_whether_measuring_is_asked() -> None:
    assert asks_measuring(METRICS_Q)
    assert asks_measuring("What north star would you pick for AI chapters, and which guardrails?")
    assert asks_measuring("AI chapters launched last month. How would you know whether it's working?")
    assert not asks_measuring(BUILD_Q)
    assert not asks_measuring("Success metrics are tracked by the data team. How would you price the feature?")


def test_measuring_share_counts_sentences_that_talk_about_measuring() -> None:
    assert measuring_share(["Acceptance fell 3 points.", "The audio lives in object storage."]) == 0.5
    assert measuring_share([]) == 0.0
    assert measuring_share([s + "." for s in STACK.split(". ")]) == 0.0
    # a review's strong answer, in words the first vocabulary missed
    said = [
        "Returns per 100 orders, in the test arm vs. control.",
        "The CFO gets the euro impact and the confidence interval.",
        "The widget's usage numbers looked amazing while returns barely budged.",
    ]
    assert measuring_share(said) == 1.0


def test_a_stack_answer_to_a_metrics_question_scores_one_and_to_a_build_question_does_not() -> None:
    grader = RuleGrader()
    elsewhere = grader.grade(custom_question(METRICS_Q, "metrics"), STACK)
    assert elsewhere.overall == 1 and "off_topic" in elsewhere.flags
    assert "how you'd know it works" in elsewhere.tip  # says what the ask wanted, not only "answer the question"
    assert "off_topic" not in grader.grade(custom_question(BUILD_Q, "product_sense"), STACK).flags
    # the rule alone decides: without it the stack answer is not called off-topic
    lenient = RuleGrader(replace(DEFAULT, off_topic_measuring=None))
    assert "off_topic" not in lenient.grade(custom_question(METRICS_Q, "metrics"), STACK).flags


def test_an_answer_that_measures_in_plain_words_is_on_topic() -> None:
    grade = RuleGrader().grade(custom_question(METRICS_Q, "metrics"), MEASURED)
    assert "off_topic" not in grade.flags and grade.overall >= 2


def test_a_follow_up_reply_is_not_held_to_the_measuring_ask() -> None:
    question = question_by_id("met-01")
    follow_up = "What would you do when a drafted reply quotes a refund policy that doesn't exist?"
    reply = (
        "I'd ground every draft in the help centre: the model retrieves the policy articles for the ticket's "
        "intent and may only state a policy term that appears in one of them, with the article linked under the "
        "draft. Anything outside that goes to a fixed template that hands the customer to a human agent. I'd also "
        "block sending a draft that names an amount until the agent has opened the linked article."
    )
    asked = custom_question(f"{question.text}\n{follow_up}", "metrics")
    assert "off_topic" in RuleGrader().grade(asked, reply).flags  # read as a whole answer, it would be
    assert not read_reply(question, follow_up, reply).off_topic
