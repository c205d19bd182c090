"""Answers about another problem of the same business: selling when selling was not asked, or a declared turn away."""

from __future__ import annotations

import json
from pathlib import Path

from interviewer.commercial import asks_selling, selling_share
from interviewer.knowledge import question_by_id
from interviewer.pivot import ask_reuse, turns_away
from interviewer.questions import custom_question
from interviewer.reuse import reuse_terms
from interviewer.rules import RuleGrader
from interviewer.text import stem

METRICS_Q = (
    "A podcast platform now auto-generates an AI transcript and chapter markers for 90,000 episodes a month; "
    "creators can edit the drafts before publishing. How would you measure whether the feature is working?"
)
PRICING_Q = (
    "A podcast platform now auto-generates an AI transcript and chapter markers for 90,000 episodes a month. "
    "How would you price and package the feature?"
)
SELLING = (
    "I'd package it in three tiers, with a free plan for everyone. Transcripts stay free because they feed "
    "SEO and bring new listeners. AI chapters go into the Pro plan at $19/month, which gives free users "
    "a clear reason to upgrade. "
    "Networks get a $49/show plan with bulk editing. I'd run a referral programme for creators who bring a show "
    "over, and measure conversion from free to Pro after 60 days."
)


def test_the_ask_decides_not_the_setting() -> None:
    assert not asks_selling("Sellers upload photos and a model suggests a price. How would you measure its quality?")
    assert asks_selling(PRICING_Q)
    assert asks_selling("A model drafts RFIs for contractors. Lay out the pricing.")  # no question mark: last sentence
    assert not asks_selling("A model drafts RFIs for contractors. Lay out the evaluation plan.")
    # an ask about a launch, a strategy or an opportunity, or money in the setting, invites selling talk
    for qid in ("ps-07", "strat-14", "launch-05", "ps-12", "launch-01"):
        assert asks_selling(question_by_id(qid).text), qid


def test_selling_share_counts_sentences_about_selling() -> None:
    assert selling_share(["Pro plan at $19/month.", "Precision matters more than recall here."]) == 0.5
    assert selling_share([]) == 0.0
    technical = [
        "I'd sort cases into three risk tiers.",
        "Tier 2 is ranking quality, measured by normalized discounted cumulative gain.",
        "Referrals from GPs are triaged by urgency.",
        "Image acquisition quality varies by clinic.",
    ]
    assert selling_share(technical) == 0.0


def test_a_pricing_answer_to_a_measurement_question_scores_one_and_to_a_pricing_question_does_not() -> None:
    grader = RuleGrader()
    elsewhere = grader.grade(custom_question(METRICS_Q, "metrics"), SELLING)
    assert elsewhere.overall == 1 and "off_topic" in elsewhere.flags
    asked = grader.grade(custom_question(PRICING_Q, "ai_strategy"), SELLING)
    assert "off_topic" not in asked.flags


HVAC_Q = (
    "You're a technical PM at a field-service software company whose app is used by 5,200 residential HVAC "
    "contractors (about 41,000 technicians). Contractors say 18% of service calls need a second visit because "
    "the technician lacked a part. We built a model that reads the customer's booking notes and the unit's service "
    "history and predicts which parts to load on the van. How would you decide whether it is ready to launch?"
)
HIRING = (
    "Honestly the bigger issue in HVAC right now is the labour shortage. The industry is short of technicians and "
    "the average tech is getting older, so any product strategy has to start from recruiting and training. I'd "
    "launch an apprenticeship marketplace inside the app: contractors post paid apprentice positions, trade "
    "schools list their graduates, and we take a placement fee. Success would be placements per month and "
    "six-month retention of apprentices, and I'd pilot it in three states with the most contractors first."
)
ON_ASK = (
    "The real problem is second visits, so readiness means the van-loading predictions cut them. Offline, I'd "
    "check part-level recall on last year's service history and booking notes: the model must predict the part "
    "that was missing in at least 80% of second visits, with no more than two extra parts per van. Then a pilot "
    "with 40 contractors for four weeks against matched controls, launching if second visits drop from 18% to "
    "under 14% and technicians do not override more than a third of suggestions."
)


def test_turning_away_is_said_in_so_many_words() -> None:
    assert turns_away("Honestly the bigger issue is churn, so I'd fix onboarding.")
    assert turns_away("I'd actually question the premise: the web shop is the problem.")
    assert not turns_away("The main issue I see is fairness: a third of clients have no sensors.")
    assert not turns_away("I'd start with the model's precision on last quarter's notes.")


def test_an_answer_that_turns_to_another_problem_scores_one_unless_it_stays_on_the_ask() -> None:
    grader = RuleGrader()
    question = custom_question(HVAC_Q, "launch")
    assert ask_reuse(HVAC_Q, reuse_terms(HIRING.lower())) < ask_reuse(HVAC_Q, reuse_terms(ON_ASK.lower()))
    elsewhere = grader.grade(question, HIRING)
    assert elsewhere.overall == 1 and "off_topic" in elsewhere.flags
    on_ask = grader.grade(question, ON_ASK)  # "the real problem is" too, but about what was asked
    assert "off_topic" not in on_ask.flags and on_ask.overall >= 3


FATIGUE = (
    "I'd prioritise an in-van driver fatigue monitor. Technicians drive long days between jobs, and a camera-based "
    "model that detects eye closure would alert the driver and, after two alerts in a shift, notify dispatch. I'd "
    "pilot it with 200 vans, keep footage on the device, and measure alerts per 1,000 driving hours and incidents "
    "against the other vans over eight weeks."
)


def test_proposing_a_feature_the_question_does_not_name_is_a_turn_unless_the_question_asks_for_one() -> None:
    assert turns_away(FATIGUE, HVAC_Q)
    assert not turns_away(FATIGUE)  # the phrase alone says nothing about a turn
    assert not turns_away("I'd build a parts prediction model for the vans, then pilot it.", HVAC_Q)
    assert not turns_away("I'd build an LLM assistant that drafts the parts list.", HVAC_Q)  # any-feature words
    open_ask = "An HVAC software company has 41,000 technicians. What AI feature would you build first, and why?"
    assert not turns_away(FATIGUE, open_ask)
    elsewhere = RuleGrader().grade(custom_question(HVAC_Q, "launch"), FATIGUE)
    assert elsewhere.overall == 1 and "off_topic" in elsewhere.flags


GYM_Q = (
    "You're the technical PM at a chain of 20 climbing gyms with 30,000 members. Front-desk staff handle 9,000 "
    "booking changes a month by phone; the team has built an LLM assistant on WhatsApp that can move bookings and "
    "issue credits of up to $30. How would you launch it?"
)
# another offer of the same business, launched in the question's words (fresh32-039 is one)
MEMBERSHIP_TIER = (
    "I'd introduce a weekday daytime membership tier at a lower monthly fee for students, and move peak evening "
    "sessions to demand-based pricing. Rollout: test the tier at 3 gyms for a quarter and watch churn and revenue "
    "per hour, and tell members early through the route setters."
)


def test_introducing_another_offer_is_a_turn_but_a_staged_launch_of_the_feature_is_not() -> None:
    assert turns_away(MEMBERSHIP_TIER, GYM_Q)
    assert not turns_away("I'd set up a shadow-mode pilot assistant at two gyms before it issues any credits.", GYM_Q)
    assert not turns_away("I'd introduce a WhatsApp booking assistant to staff first, then to members.", GYM_Q)
    tier = RuleGrader().grade(custom_question(GYM_Q, "launch"), MEMBERSHIP_TIER)
    assert tier.overall == 1 and "off_topic" in tier.flags


def test_a_possessive_biggest_lever_is_a_turn_but_a_restated_question_is_not() -> None:
    assert turns_away("HaulRight's biggest lever is truck routing, so I'd start there.")
    assert not turns_away("CFO's real question: is $2.1M buying speed and lower cost?")


def test_a_declared_focus_elsewhere_is_a_turn_but_a_bare_focus_is_not() -> None:
    assert turns_away("Where I'd put my attention is the intake side, not the estimates.")
    assert turns_away("The most valuable AI investment for a museum group right now is provenance research.")
    assert turns_away("To grow the app I'd focus on acquisition first.")
    assert not turns_away("I'd focus on precision of the top three suggestions, then recall.")


def test_a_two_letter_subject_counts_for_a_short_question() -> None:
    # "DJ" is what this question is about: a review's strong answer (evals/datasets/vague-probe.jsonl) names the DJ
    # throughout and never Spotify, and read as off-topic when two-letter words and possessives were dropped
    probe = Path(__file__).parents[1] / "evals" / "datasets" / "vague-probe.jsonl"
    row = next(r for r in map(json.loads, probe.read_text(encoding="utf-8").splitlines()) if r["id"] == "good02")
    q = custom_question(row["question"], row["topic"])
    assert "Spotify" in q.text and "Spotify" not in row["answer"] and "DJ" in row["answer"]
    assert "off_topic" not in RuleGrader().grade(q, row["answer"]).flags
    assert stem("spotify's") == stem("spotify") == "spotify"  # a possessive is the same word
