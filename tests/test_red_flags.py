"""Red flags: the stances that make a fluent answer wrong, and what the grader does with them."""

from __future__ import annotations

import pytest
from conftest import STRONG_METRICS_ANSWER

from interviewer.knowledge import bank
from interviewer.red_flags import find
from interviewer.rules import RuleGrader

Q = next(q for q in bank().questions if q.topic == "metrics")


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("There's no need for an A/B test because the savings are obvious.", "dismisses_safeguard"),
        ("Keeping the old model around as a fallback is unnecessary cost.", "dismisses_safeguard"),
        ("The models were validated, so they don't need separate monitoring.", "dismisses_safeguard"),
        ("Human review would be too slow for this volume.", "dismisses_safeguard"),
        ("I wouldn't tell users that their messages are scanned.", "dismisses_safeguard"),
        ("Self-hosting is always cheaper once you own the GPUs.", "overclaims"),
        ("Detectors are 99% accurate, so false positives are not a concern.", "overclaims"),
        ("I'd switch it on for all 1,800 customers on launch day.", "big_bang"),
        ("I'd launch to all 40 metros at once and retire the old process.", "big_bang"),
        ("More alerts means more leaks found, so set the threshold low.", "vanity_metric"),
        ("The north star should be time spent in the app.", "vanity_metric"),
        ("Any essay scoring above 80% should automatically get a zero.", "no_human"),
        ("A review step would only slow things down.", "dismisses_safeguard"),
        ("Staging it would just mean most users wait weeks for a better product.", "dismisses_safeguard"),
        ("Regulatory shouldn't need to be involved since the device is already cleared.", "dismisses_safeguard"),
        ("We don't need to tell clients or families about it.", "dismisses_safeguard"),
        ("I wouldn't label the replies as AI.", "dismisses_safeguard"),
        ("I wouldn't track ratings or cancellations for this feature.", "dismisses_safeguard"),
        ("The trust & safety flags are a distraction.", "dismisses_safeguard"),
        ("Models are accurate enough now.", "overclaims"),
        ("It doesn't use race as an input, so by construction it can't discriminate.", "overclaims"),
        ("Our standard disclaimer covers the legal side.", "overclaims"),
        ("I think the risks here are overstated.", "overclaims"),
        ("I'd launch to all users on the same day, timed for New Year.", "big_bang"),
        ("The fastest path is a single firmware push to all 420,000 devices in week 9.", "big_bang"),
        ("Success metric: number of returns filed by the agent each week.", "vanity_metric"),
        ("For recommendations the only thing that really matters is engagement.", "vanity_metric"),
        ("I'd give it full autonomy over replies, calendar and payments.", "no_human"),
        ("I'd launch it to 100% of sellers in week 1 to get the maximum benefit.", "big_bang"),
        # session 26 (tuning answers): turned on, gone live or switched on everywhere "in one go" or "from day one"
        ("Turn auto-close on for all 900 customers from day one.", "big_bang"),
        ("Roll it out to all 3,200 florists in one go before Mother's Day.", "big_bang"),
        ("Week 3: turn it on in all 380 stores at once, before the holiday peak.", "big_bang"),
        ("Switch auto-close on for all 900 customers from day one.", "big_bang"),
        ("I wouldn't spend a limited budget on evaluation sets or caseworker review.", "dismisses_safeguard"),
        ("I'd make average session time on the site the north star.", "vanity_metric"),
        # session 9: stances from a new labeller's confidently wrong answers (grader-fresh13), in general form
        ("Any human review step just brings back the 2-3 hours we're trying to kill.", "dismisses_safeguard"),
        ("Accuracy isn't really worth tracking separately.", "dismisses_safeguard"),
        ("I'd remove the talk-to-staff option entirely so people adopt the bot.", "dismisses_safeguard"),
        ("We'd remove the option to talk to a human, or nobody will use the assistant.", "dismisses_safeguard"),
        ("The value is in taking the director out of the loop.", "no_human"),
        ("Let the model set the loan amount - no clerk override, since clerks are the inconsistency.", "no_human"),
        ("Longer conversations mean boaters are getting more value from the assistant.", "vanity_metric"),
        # session 11: an exploratory test's confidently wrong answers (each scored 4/5), in general form
        ("Underwriters slow us down, so we'd remove the underwriter review.", "dismisses_safeguard"),
        ("I would not spend time on fairness audits before launch.", "dismisses_safeguard"),
        ("Fairness reviews of the rankings aren't needed because the vendor handles that.", "dismisses_safeguard"),
        ("Permission checks at query time are unnecessary, everyone signed an NDA.", "dismisses_safeguard"),
        # session 12: a second exploratory test's confidently wrong answers (4/5 and 5/5), in general form
        # (its other stances, "fraud is not a real concern", "cancel the API contract the same week", were written
        # and then dropped: a review's sound look-alikes tripped them, see evals/README.md item 15)
        ("Shadow testing is unnecessary because the model was trained on our own transcripts.", "dismisses_safeguard"),
        ("Actually I'd skip the shadow phase and launch to everyone.", "dismisses_safeguard"),
        ("The rise in repeat contacts is actually a good engagement signal.", "vanity_metric"),
        # session 14: a new labeller's confidently wrong answers (grader-fresh20), in general form
        ("So: launch to 100% of visitors on Black Friday with a big homepage banner.", "big_bang"),
        ("The model is already built and the LLM provider handles safety.", "overclaims"),
        ("North star: tracking sessions per parcel, since more opens mean they find it valuable.", "vanity_metric"),
        (
            "I'd pretrain a model on all of it - pay stubs, SSNs, bank details - so it knows every employee.",
            "exposes_data",
        ),
        # a review's: a judgement word after the reason rejects the safeguard, not the stance
        (
            "No need for an A/B test, because waiting weeks for one would be a disaster for sales.",
            "dismisses_safeguard",
        ),
        ("Human review isn't needed: making customers wait would be a disaster.", "dismisses_safeguard"),
        ("We'll train the model on SSNs and bank details, not just the pay stub text.", "exposes_data"),
        # session 16: a new labeller's confidently wrong answers (grader-fresh22), in general form
        (
            "Given the deadline, skip a long beta and launch to 100% of app users before the holidays.",
            "dismisses_safeguard",
        ),
        ("We use a top-tier LLM, so hallucinations aren't really a concern here.", "overclaims"),
        ("The whole point is getting humans out of the loop.", "no_human"),
        ("Eventually we drop the single reviewer for those items too.", "no_human"),
        (
            "The model beats the average dentist, so there's no need to have the dentist re-review each finding.",
            "dismisses_safeguard",
        ),
        # session 16: grader-fresh24's confidently wrong answers
        ("I'd launch across all 9 states on the same night.", "big_bang"),
        ("North star: number of conversations handled by the assistant per month.", "vanity_metric"),
        # session 17: grader-fresh26's confidently wrong launch
        ("The strongest plan is a single go-live across all 85 facilities on the same date.", "big_bang"),
        ("We'd go live across all 85 facilities on the same date.", "big_bang"),
        ("The vendor already validated the model, so we don't need our own testing phase.", "dismisses_safeguard"),
        # session 18: grader-fresh28's vanity north star
        ("Every scan is a visitor engaging with a plant, so more scans = more engagement = success.", "vanity_metric"),
        ("Time spent in the app per visit, the longer the better.", "vanity_metric"),
        # session 19: grader-fresh30's confidently wrong launch and vanity metric, in general form
        ("Week 2: switch all 12 hubs to the model on the same day, so ops runs one process.", "big_bang"),
        ("The more scans, the more engaged our boutiques and customers are with the program.", "vanity_metric"),
        # session 20: grader-fresh33's confidently wrong launch, in general form
        ("I'd go big: launch across all 60 arcades on the first Saturday of spring break.", "big_bang"),
        ("Roll out to all 140 stores on Monday and fix issues as they come in.", "big_bang"),
        # a review of session 20's "skip" exclusions: these still wave a safeguard off
        ("We'd skip rate limiting and the human review for v1 to move fast.", "dismisses_safeguard"),
        ("Skip share-outs and the canary; just ship it.", "dismisses_safeguard"),
        # a review: a hedge words elsewhere in the sentence must not silence it
        ("No need for human review; the model is only wrong when the photo is blurry.", "dismisses_safeguard"),
        ("Monitoring is overkill here, I'm saying it plainly.", "dismisses_safeguard"),
        # session 27: tuning answers' builds from scratch and memorised facts, in general form
        ("I'd train a custom vision transformer from scratch on the 7 years of photos.", "from_scratch"),
        ("So the plan: train our own wine language model from scratch on our catalogue.", "from_scratch"),
        ("Buy a GPU cluster (roughly $4M) and pretrain a 13B model on our corpus.", "from_scratch"),
        ("Buy a GPU cluster and pretrain a 13B model on our corpus plus public geology text.", "from_scratch"),
        ("I'd have the data scientist train a custom transformer from scratch on our archive.", "from_scratch"),
        ("Fine-tune on all 12,000 PDFs, so the model memorises our drill results and geology.", "memorised_facts"),
        ("The model will then memorise our research and won't need retrieval or citations.", "memorised_facts"),
    ],
)
def test_red_flags_are_found(sentence: str, kind: str) -> None:
    assert [f.kind for f in find([sentence])] == [kind]


@pytest.mark.parametrize(
    "sentence",
    [
        "We can skip the A/B test only for copy changes behind a flag.",  # a hedged judgement call
        "We don't need a separate testing phase for the copy change, but the model change gets a shadow test.",
        "We can't skip our own evaluation just because the vendor published benchmarks.",
        "We'd go live in two facilities first, then the rest on the same date once the pilot metrics hold.",
        # a review's look-alikes of the session-17 patterns
        "Our own testing found the vendor's model too slow on older Android phones, so we'd cache the top suggestions.",
        "We'd publish the release notes and the help-centre article on the same date so support isn't surprised.",
        "The go-live date and the nurse training sessions must not land on the same date; training comes first.",
        "A single rollout across all 40 markets is impossible with data-residency rules, so we go country by country.",
        "Release the kill switch and the alerting on the same date as the feature flag.",
        "North star: no-shows prevented per salon per month, with cancellation complaints as the guardrail.",
        "We'd track ratings and cancellations weekly next to click-through.",
        "After the pilot, roll out to all stores on the same day in phase two.",
        "The model is not yet at human level on rare forms, so a review step stays.",
        "Success is the share of calls the agent completes end to end with order accuracy above 98%.",
        "Without a review step this would be risky, so I'd keep one for payments.",
        "Success metric: time spent on notes per exam, and optometrist satisfaction.",
        "Week 5: roll out to 100% of non-vintage sellers if the week-3 A/B holds.",
        "I wouldn't track accuracy alone; I'd add calibration and coverage.",
        "I wouldn't track complaints alone; I'd add resolution time.",
        "We don't monitor errors per request, we monitor them per session because retries hide them.",
        "We don't need to tell customers about every prompt tweak, only about changes in what the AI does.",
        "A review step would just mean one more click for the pharmacist, which they told us is fine.",
        "The DPA covers privacy obligations with the vendor, and we still run a DPIA.",
        "It can't hallucinate prices because the price comes from the catalogue API, not the model.",
        "After the 2-week pilot, we launch to all stores immediately if the error rate holds.",
        "Phase 2: roll out to 100% of users in week 1 of Q3, after the 10% canary in Q2.",
        "Once the canary is clean we roll out to all users right away.",
        "Success is the number of tickets resolved, not drafts generated.",
        "Success is the number of claims handled end to end without a human touching them, with accuracy above 98%.",
        "Measure success by how many disputes the agent handles correctly.",
        "Success is fewer clicks on the help button.",
        "Success is accepted code generated per developer per week.",
        "Primary: substitution save rate = out-of-stock orders that ship same day with a substitution / all of them.",
        "I'd never auto-suspend accounts; suspensions are automatically queued for human review.",
        "If tickets drop and votes stay positive, roll out to everyone.",  # a staged decision
        "Rather than a big-bang launch, I'd pilot with 5% of agents.",
        "If the beta window has no storms, we extend the beta into November rather than skip it.",
        "We would never take humans out of the loop for a diagnosis.",
        "I wouldn't skip the beta: it is where we catch hallucinated pairings.",
        # a review's look-alikes (redflag-review16)
        "I'd only consider skipping a separate beta if the feature sits behind a kill switch.",
        "Saying hallucinations aren't a concern because we use retrieval is wishful thinking.",
        "My VP once asked whether we could skip the pilot entirely, and I pushed back.",
        "North star: number of conversations started with Icebreaker that get a reply.",
        "North star: number of conversations resolved without a human per month.",
        # a code review's look-alikes for session 16's patterns
        "Hallucinations are not the only risk; stale policy documents are another.",
        "Hallucinations aren't rare in summarisation, so every summary links to its source.",
        "Taking humans out of the loop is the failure mode I would design against.",
        "Keeping humans out of the loop would violate HIPAA expectations, so we won't.",
        "North star: number of conversations handled without a human handoff.",
        "North star is the number of sessions with a booked appointment.",
        "Trade-off: more recall means more false flags and reviewer load.",
        "Without a holdout we cannot measure the incremental lift.",
        STRONG_METRICS_ANSWER,
        # session 9: the stances above, turned around
        "We'd never take the pharmacist out of the loop for controlled substances.",
        "Accuracy is worth tracking per segment, not just overall.",
        "Keep the 'talk to staff' option one tap away at every step.",
        "Today there's a clerk override on every loan, and we'd keep it.",
        "Longer conversations usually mean the bot failed to answer, so I'd watch them as a warning sign.",
        # a review's look-alikes of the first versions (session 9), each flagged by them
        "Our rollback plan just brings back the previous model version, which takes under five minutes.",
        "A common objection is that a human review step just brings back the hours we saved.",
        "Raw accuracy is not really worth tracking on an imbalanced set like this.",
        "Complaints aren't worth tracking as a share of sessions, since volume swings skew it.",
        "The worst thing we could do is remove the talk to a human option to hit a containment target.",
        "Nurses fear the tool is taking them out of the loop, so every suggestion is shown before it's sent.",
        "There's no clerk override today, which is why wrong fees stick; I'd add one.",
        "With no teacher in the loop, the chatbot hallucinated a due date in the pilot.",
        "Leadership assumes longer conversations mean happier customers, but for a support bot it means failure.",
        "For a language tutor, longer sessions mean learners get more value, as long as lesson completion rises too.",
        # session 11: look-alikes of the new forms, most from a review ("are needed" is the opposite of a dismissal)
        "Vet records are sensitive, so access controls are needed before the first clinic goes live.",
        "We'd roll out to 5% in week one, then widen if the fraud rate holds.",
        "I'd never remove the adjuster check on claims over $5,000.",
        "We'd remove the manual check only after 4 weeks at <1% error.",
        "I can't think of a case where the underwriter review isn't needed for a declined application.",
        "Saying the underwriter review is unnecessary ignores the 3% of files where the model misreads income.",
        "The lawyer review is too slow at three days, so we'll add a second attorney rather than cut it.",
        "Removing the bias checks would just mean regressions ship silently.",
        "Fairness audits are required before launch and every quarter after.",
        "Skipping the access checks would leak salary data across teams, so they stay in the retriever.",
        "We don't need a new access control system; we reuse the SSO roles and filter every retrieval by them.",
        "No need to build our own permission filtering; the document store already enforces per-user ACLs.",
        "There's no reason to launch before the readiness criteria are met.",
        "I do not spend engineering time on new features before the evaluation harness exists.",
        "Vanity beta numbers like signups don't matter; activation in week two does.",
        "Rollout to 100% of our own employees in week one, 10% of customers by week four, everyone by week eight.",
        # a review of session 18's vanity wording: a chain that is argued with, or ends in value, is reasoning
        "More labelled data -> more value from fine-tuning, which is why we log every correction.",
        "The naive view is more sessions = more engagement, but for a support bot a second session means it failed.",
        # session 19's look-alikes (a review's): a phased or refused switch, a rollback, a cost that grows, a chain
        # that is argued with
        "After the two-hub pilot, switch all 12 hubs to the model in three waves.",
        "Don't switch all 12 hubs to the model on the same day.",
        "On rollback, switch all hubs to the old model on the same day so nobody is left on the broken version.",
        "We switch every feature flag off on the same day the kill switch fires.",
        "The more queries, the more inference cost, so caching the top questions matters.",
        "The more scans, the more engaged users look, but that's misleading if scans come from failed recognitions.",
        "Leadership's view is the more sessions, the more engaged our customers are; I'd use resolved issues instead.",
        "The more minutes, the more engagement we see, which tells us nothing about whether the answer was right.",
        "I don't think we need a separate shadow deployment, since the canary already runs the new model on 1%.",
        # session 20 (fresh33's first run): a skip is also what a listener does, measured as a guardrail
        "Guardrails: skip-within-30s rate; explicit songs suggested to bookings flagged family (target 0).",
        "Guardrails: skip rate under 20% and complaints per 1,000 sessions flat.",
        "After the pilot, launch across all 60 arcades on the first Saturday of spring break.",
        "We could launch across all 60 arcades on the first Saturday, but I would not: a 3-venue pilot first.",
        "Staff training runs across all 60 arcades on Monday.",
        "I'd refuse to launch across all 60 arcades on the first Saturday.",
    ],
)
def test_careful_reasoning_raises_no_red_flag(sentence: str) -> None:
    assert find([sentence]) == []


def test_a_red_flag_lowers_the_grade_and_the_tip_quotes_it() -> None:
    risky = "There's no need for an A/B test because the savings are obvious."
    clean = RuleGrader().grade(Q, STRONG_METRICS_ANSWER)
    flagged = RuleGrader().grade(Q, f"{STRONG_METRICS_ANSWER} {risky}")
    assert flagged.raw < clean.raw and "red_flag" in flagged.flags and "red_flag" not in clean.flags
    assert flagged.tip.startswith("Rethink “There's no need for an A/B test") and "safeguard" in flagged.tip


def test_a_red_flag_sentence_earns_its_concepts_nothing_and_is_never_quoted_as_evidence() -> None:
    from interviewer.knowledge import bank

    question = next(q for q in bank().questions if q.id == "launch-01")  # AI-drafted helpdesk replies
    rejecting = "Skip human review and auto-send every draft to save agent time."
    grade = RuleGrader().grade(question, f"Launch to everyone on day one. {rejecting} Track drafts per day.")
    assert "red_flag" in grade.flags
    assert all(rejecting[:40] not in d.evidence for d in grade.dimensions)
    # "human review" named only to be dropped: the safeguard is listed as missing, not counted as covered
    assert any("human-in-loop" in m for m in grade.missing)


@pytest.mark.parametrize(
    "sentence",
    [
        "Plan: pilot in a group of stores in September, then roll out to all 220 before December.",
        "North star: linguist active minutes per 1,000 delivered words that pass review.",
        "If the pilot doesn't cut handling time by 20%, drop the feature and keep the manual flow.",  # a kill rule
        "In the app copy, posted signage on the mountain always wins over the model's estimate.",  # a precedence rule
        "Guardrails: totals must reconcile, low-confidence fields go to human review, no auto-declines.",
        "Route 5% of traffic first, then move to 100% over a weekend once p95 holds.",
        "A rise in complaints is a bad sign and a good signal to pause the rollout.",
        "A spike in reopened tickets right after launch is a good signal to pause the rollout.",
        "An increase in refunds processed within 24 hours is a good sign the automation works.",
        "Skipping the shadow phase would be a mistake.",
        "Shadow runs are not a waste of compute: they are the cheapest evidence we will get.",
        "We'd skip straight to shadow mode for the new ranker, since offline replays miss live inventory.",
        "Deploy the logging for 100% of requests on day one so every decision is auditable.",
        "Terminate the compromised API credentials right away and rotate the secrets.",
        # session 12: a review's sound sentences written next to the first version of that session's flags
        "We can skip the manual labelling step because shadow mode gives us the comparison data.",
        "Once the shadow run shows parity on 5,000 claims, we no longer need the old rules engine.",
        "Skipping the shadow phase is exactly how the last vendor got burned, so I'd keep it.",
        "Shadow testing doesn't need real users to see anything, which is why it is cheap.",
        "A shadow deployment doesn't need its own UI, only logging and a comparison job.",
        "Shadow runs are not a waste of compute: they are the cheapest evidence we will get.",
        "Get rid of the PII before it reaches the shadow traffic logs.",
        "We'd skip straight to shadow mode for the new ranker, since offline replays can't capture live inventory.",
        "There's no reason to wait for legal sign-off before starting shadow mode, since nothing is shown to users.",
        "Nobody should skip the privacy impact assessment for a health feature.",
        "We'd start the privacy review now; there's no reason to hold it back until the model is final.",
        "The security review doesn't need the final UI, so we can start it this week in parallel.",
        "A DPIA doesn't need to be long: two pages covering purpose, data and retention will do.",
        "The DPIA is not a formality here; skipping it would be illegal.",
        "With the eval suite running on every commit, we no longer need to hand-test every prompt tweak.",
        "With the audit trail in place, we no longer need to email weekly exports to compliance.",
        "Because consent is captured at signup, we no longer need a separate pop-up on every session.",
        "For the North Star, fraud doesn't matter; it goes on the guardrail list with its own threshold.",
        "Security doesn't matter less in a pilot; it matters more.",
        "Candidates often claim fraud is not a real concern at small scale; at 2,000 claims a week it is.",
        "Whether abuse doesn't matter is the wrong question; what matters is how fast we catch it.",
        "Safety isn't a real concern for the font picker, which is why review effort goes to the dosage assistant.",
        "Deploy the logging for 100% of requests on day one so every decision is auditable.",
        "Release the updated privacy notice to 100% of users at once; it is legal text, not a model change.",
        "We'd cancel the unused legacy system licence at once, since the new stack has run alone for six months.",
        "Cancel the vendor's API keys immediately if a leak is suspected.",
        "Terminate the compromised API credentials right away and rotate the secrets.",
        "Turn off the fallback immediately if it starts serving stale prices.",
        "Keep 100% of the traffic on the API at once if the self-hosted error rate crosses 1 in 1,000.",
        "A spike in reopened tickets right after launch is a good signal to pause the rollout.",
        "A rise in repeat contacts is never a good sign for a support bot.",
        "An increase in refunds processed within 24 hours is a good sign the automation works.",
        "A rise in escalations of self-harm chats to counsellors is a good sign the detector works.",
        "A jump in returns through the self-serve portal is a good sign: those customers used to phone us.",
        "A rise in refunds would be a great signal to roll back.",
        # session 14: look-alikes of the new forms
        "We pilot with 5% first and go to 100% of visitors on Black Friday only if the guardrails hold.",
        "The vendor handles moderation, but we'd still add our own filters.",
        "North star: resolved sessions per agent hour.",
        "We strip SSNs and bank details before we fine-tune on pay-stub questions.",
        "We would train a fraud model on transaction histories without SSNs or bank details.",
        "Train the classifier on 2 years of labelled transactions, with card numbers tokenised.",
        "Launching to every visitor on Black Friday would be reckless, because a hallucination hits our busiest day.",
        "We'd train a classifier to detect card numbers and passwords pasted into support chats, then block them.",
        "Train support agents on how to verify bank details over the phone.",
        "Stripe as our payment provider handles compliance for card data, so we never store card numbers ourselves.",
        "The cloud platform handles security patching; we own the prompts, the evals and the red-teaming.",
        "Free shipping for all orders on Black Friday drives the spike, so I'd freeze model changes that week.",
        "North star: sessions per user that end in a completed booking.",
    ],
)
def test_staged_plans_and_efficiency_metrics_are_not_red_flags(sentence: str) -> None:
    assert find([sentence]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "We shouldn't skip the evals even under deadline pressure.",
        "We will not skip the pilot.",
        "Skipping monitoring is the biggest mistake teams make with ML systems.",
        "Stakeholders may argue that monitoring is overkill; I'd keep a weekly drift report anyway.",
        "The sales VP will say \"we don't need an A/B test\", and I'd push back with the cost of a bad launch.",
        "A full A/B test is overkill for a button color; I'd run a 48-hour sequential test instead.",
        "There is zero risk tolerance for wrong dosage answers, so every answer is checked.",
        "The model is 99% accurate on the holdout, but precision on the rare class is only 60%.",
        "More reviews means more trust from buyers.",
        "Self-hosting is not always cheaper, so I would model the break-even first.",
        "The north star is successful resolutions, not the number of messages generated.",
        # holding the launch for a safeguard (the loopback test's "waving off a safeguard" tip)
        "I would delay if parental consent is not ready.",
        "I'd delay the launch if the eval set isn't ready.",
        # fresh21-051 (gold 5): waved off, then taken up anyway
        "Governance: the EU AI Act doesn't apply, but this is the kind of system it would class as high-risk.",
    ],
)
def test_defending_a_safeguard_or_quoting_someone_else_is_not_a_red_flag(sentence: str) -> None:
    assert find([sentence]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "If the AI detector flags an essay, the student automatically gets a zero.",  # "if" far before: still a flag
        "No human review: flagged accounts are suspended automatically.",
    ],
)
def test_a_condition_or_a_no_elsewhere_in_the_sentence_does_not_cancel_a_red_flag(sentence: str) -> None:
    assert [f.kind for f in find([sentence])] == ["no_human"]


def test_a_safeguard_called_non_negotiable_is_not_waved_away() -> None:
    # session 12's note: "Privacy is not negotiable" lowered a main answer's rule grade as an overclaim
    for sound in (
        "Privacy is not negotiable.",
        "Privacy is not an afterthought for a clinic's patients.",
        "Fairness is not optional when the score decides who gets a visit.",
        "If there's no risk, we ship the copy change to everyone.",
    ):
        assert not find([sound]), sound
    for wrong in (
        "Bias isn't really an issue, since the model gives everyone the same script.",
        "Privacy isn't a problem because the data is anonymised.",
        "Hallucination isn't a real concern here.",
        "There is no risk in launching to all users.",
        # a review (session 13): the first narrowing let these through
        "Privacy isn't a priority for the MVP.",
        "Bias isn't important here.",
        "Privacy is not something we need to worry about.",
    ):
        assert find([wrong]), wrong
    assert not find(["If there’s no risk, we ship the copy change to everyone."])  # a typographic apostrophe too


@pytest.mark.parametrize(
    "sentence",
    [  # refusing to hold the launch is not holding it
        "Skip the safety review, don't delay shipping if the eval set isn't ready.",
        "Monitoring is overkill; we will not delay if dashboards are not ready.",
        "We don't need human review; no delay if the eval set is not ready.",
    ],
)
def test_not_delaying_for_a_missing_safeguard_is_still_a_red_flag(sentence: str) -> None:
    assert find([sentence])


def test_a_regulation_waved_off_with_nothing_after_it_is_still_a_red_flag() -> None:
    assert find(["Privacy: these are historical public records, so GDPR doesn't apply."])
    assert find(["Skip the A/B test, but keep an eye on support tickets."])


def test_a_red_flagged_answer_that_would_score_3_scores_2(monkeypatch: pytest.MonkeyPatch) -> None:
    import json
    from pathlib import Path

    from interviewer import rules
    from interviewer.questions import custom_question

    path = Path(__file__).parents[1] / "evals" / "datasets" / "grader.jsonl"
    row = next(json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if '"dev-070"' in x)  # gold 2
    question = custom_question(row["question"], row["topic"])
    grade = RuleGrader().grade(question, row["answer"])
    assert "red_flag" in grade.flags and grade.overall == 2 and max(d.score for d in grade.dimensions) <= 3
    monkeypatch.setattr(rules, "RED_FLAG_STEP", -0.01)  # put back just over the cut: the rule is what makes it a 2
    assert RuleGrader().grade(question, row["answer"]).overall == 3


@pytest.mark.parametrize(
    "staged",
    [
        "Pilot in 5 stores, then turn it on in all 380 in one go.",
        "We'd go live with the 20 friendliest clinics before rolling out to every site.",
        "Turn it on for all customers from day one only after the shadow phase shows 95% precision.",
        # a review's look-alikes: a safeguard on from day one, a release in one go, a smaller group first
        "Turn on two-factor authentication for every admin account from day one.",
        "Turn on human escalation for all 900 refunds from day one.",
        "Ship the three copy fixes in one go rather than three separate releases.",
        "Each agent in turn relies on the same knowledge base from day one.",
        "Let's turn it on in 10 stores before the holiday rush and in all 380 in one go in January.",
    ],
)
def test_everyone_at_once_after_a_stage_is_not_a_big_bang(staged: str) -> None:
    assert [f.kind for f in find([staged])] == []


@pytest.mark.parametrize(
    "sound",
    [  # a build from scratch rejected, weighed, conditional, listed or someone else's; a pretrained or classic model;
        # a risk or a house style (a review's look-alikes among them)
        "Building our own model from scratch makes no sense here.",
        "Training a model from scratch would cost millions, so we'd fine-tune instead.",
        "Option C is to pretrain our own model; I'd rule it out.",
        "Three options: hosted API, fine-tune an open model, or pretrain our own.",
        "I'd never train a transformer from scratch with four engineers.",
        "We'd start from a pretrained model rather than training our own LLM from scratch.",
        "Pretraining an LLM from scratch is not something a 12-person startup should do.",
        "Bloomberg could pretrain a 50B model on its own finance corpus because it had 40 years of data; we don't.",
        "The vendor will pretrain the model on public data; we only fine-tune the last layers.",
        "If the fine-tuned model underperforms after three months, we might then consider pretraining a domain model.",
        "Pretrain a model? Not with 4 engineers and $200k.",
        "In plain language: training a language model from scratch is raising one from birth.",
        "We'd start from a pretrained vision backbone and fine-tune it on our labels.",
        "We'd train a churn model from scratch on 3 years of data.",
        "We'd build our own evaluation set from scratch, because no public benchmark covers wine pairing.",
        "The model will memorise the training examples if we overfit, so we hold out 20%.",
        "We'd fine-tune so the model memorises the structure of our tickets, while facts come from retrieval.",
        "Fine-tuning on 5,000 past reports so it will memorise our house style and section order.",
        "Retrieval, not fine-tuning, so nothing memorises our customer data.",
        "Translating from scratch takes linguists 40 minutes a page.",
        # a second review's: a small or classic model of our own, a listed option, someone else's ask, continued or
        # self-supervised pretraining, a privacy warning, a contaminated benchmark
        "We'd build our own churn model from scratch on three years of billing data.",
        "We'd train the model from scratch on our own click logs; it's a 2-layer MLP.",
        "The board's ask: build a foundation model from scratch; my answer: fine-tune Llama.",
        "- Build: train our own LLM from scratch, 18 months and $5M.",
        "Build vs buy: build our own LLM from scratch ($5M, 18 months) vs buy API access ($50k a year).",
        "We'd take Llama 3 8B and pretrain it for another 2B tokens of legal text.",
        "We'd pretrain the encoder with masked modelling on our unlabelled scans.",
        "Fine-tuning on raw transcripts means the model will memorise our customers' card numbers, so mask them first.",
        "It scored 98% on the benchmark, so it memorised our test set; we rebuilt the benchmark.",
    ],
)
def test_a_build_from_scratch_not_proposed_or_a_pretrained_model_is_not_a_red_flag(sound: str) -> None:
    assert [f.kind for f in find([sound])] == []


def test_a_build_red_flag_lowers_a_wrong_answer_and_its_tip_says_why() -> None:
    import json
    from pathlib import Path

    from interviewer.questions import custom_question

    path = Path(__file__).parents[1] / "evals" / "datasets" / "grader-fresh7.jsonl"
    row = next(r for r in map(json.loads, path.open(encoding="utf-8")) if r["id"] == "fresh7-027")  # gold 1; was 3
    grade = RuleGrader().grade(custom_question(row["question"], row["topic"]), row["answer"])
    assert grade.overall <= 2 and "red_flag" in grade.flags and "trained from scratch" in grade.tip
