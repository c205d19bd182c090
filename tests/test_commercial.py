"""An answer that turns into selling (pricing, packaging, channels) when the question asks none of it is off-topic."""

from __future__ import annotations

from interviewer.commercial import asks_selling, selling_share
from interviewer.questions import custom_question
from interviewer.rules import RuleGrader

METRICS_Q = (
    "A podcast platform now auto-generates an AI transcript and chapter markers for 90,000 episodes a month; "
    "creators can edit the drafts before publishing. How would you measure whether the feature is working?"
)
PRICING_Q = (
    "A podcast platform now auto-generates an AI transcript and chapter markers for 90,000 episodes a month. "
    "How would you price and package the feature?"
)
SELLING = (
    "I'd package it in three tiers. Transcripts stay free for everyone because they feed SEO and bring new "
    "listeners. AI chapters go into the Pro plan at $19/month, which gives free users a clear reason to upgrade. "
    "Networks get a $49/show plan with bulk editing. I'd run a referral programme for creators who bring a show "
    "over, and measure conversion from free to Pro after 60 days."
)


def test_the_ask_decides_not_the_setting() -> None:
    assert not asks_selling("Sellers upload photos and a model suggests a price. How would you measure its quality?")
    assert asks_selling(PRICING_Q)
    assert asks_selling("A model drafts RFIs for contractors. Lay out the pricing.")  # no question mark: last sentence
    assert not asks_selling("A model drafts RFIs for contractors. Lay out the launch plan.")


def test_selling_share_counts_sentences_about_selling() -> None:
    assert selling_share(["I'd package it in three tiers.", "Precision matters more than recall here."]) == 0.5
    assert selling_share([]) == 0.0


def test_a_pricing_answer_to_a_measurement_question_scores_one_and_to_a_pricing_question_does_not() -> None:
    grader = RuleGrader()
    elsewhere = grader.grade(custom_question(METRICS_Q, "metrics"), SELLING)
    assert elsewhere.overall == 1 and "off_topic" in elsewhere.flags
    asked = grader.grade(custom_question(PRICING_Q, "ai_strategy"), SELLING)
    assert "off_topic" not in asked.flags
