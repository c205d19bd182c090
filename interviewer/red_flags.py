"""Red flags an interviewer would stop on: the claims that make a fluent answer wrong.

A confidently wrong answer uses the right vocabulary, so concept coverage rates it well. What gives it
away is a stance no experienced PM takes: waving off a safeguard ("no need for an A/B test"), a
certainty nothing supports ("self-hosting is always cheaper"), a launch to everyone at once, activity
as the success metric ("more alerts means more leaks found"), or a high-stakes penalty with nobody in
the loop. Each sentence counts once; the grader weighs the count (a fitted weight, see evals/fit_rules.py)
and the tip quotes the first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .red_flags_build import BUILD_PATTERNS, BUILD_UNLESS
from .screen import Screened, fold

IC = re.IGNORECASE
Kind = Literal[
    "dismisses_safeguard",
    "overclaims",
    "big_bang",
    "vanity_metric",
    "no_human",
    "exposes_data",
    "from_scratch",
    "memorised_facts",
]

_SAFEGUARD = (
    r"(a/?b[\s-]?test\w*|experiment\w*|holdout|control\s+group|guardrails?|monitor\w*|fallback|roll\s?back|"
    # (lawyers, nurses and physicians are in _CHECK, which only counts as the subject a sentence dismisses)
    r"(human|manual|clinician|pharmacist|expert|editor|moderator|dentist|radiologist|authenticator)s?\W{0,2}\s*"
    r"(re-?review\w*|review\w*|check\w*|oversight|sign[- ]off|re-?check\w*|approval)|"
    # session 16 (fresh22's first run): "skip a long beta and launch to 100%"
    r"(a\s+|the\s+)?(long\s+|public\s+|closed\s+)?beta\b|review(ed|ing)?\s+(by|from)\s+(a\s+)?(human|clinician|pharmacist|expert)|"
    r"human[- ]in[- ]the[- ]loop|re-?verification|verification|background\s+checks?|vetting|baa|consent|disclos\w*|"
    r"audit\w*|canary|staged\s+roll-?out|pilot|red[- ]team\w*|evals?\b|evaluation|bias\s+test\w*|safety\s+review|"
    r"disclaimers?|authentication|(handler|agent|reviewer|coach|clinical|legal)\s+reviews?|regulations?|regulators?|"
    r"regulatory|gdpr|hipaa|ai\s+act|compliance|review\s+(step|queue|flow|stage)|appeals?(\s+(flow|process|path))?|"
    r"confirmations?|approval\s+step|staging(\s+it)?|staged\s+rollouts?|safety\s+filters?|(our\s+own\s+)?filters|"
    r"offline\s+evals?|trust\s+(&|and)\s+safety\s+flags)"
)
# Session 11, from an exploratory test's confidently wrong answers: more checks that are safeguards. A review's
# look-alikes showed them too eager inside the general "dismissal near a safeguard" test ("Saying the underwriter
# review is unnecessary ignores…", "Skipping the access checks would leak salary data"), so they count only as
# the subject a sentence opens with and dismisses, or as what "I'd remove" or "I would not spend time on" names.
_CHECK = (
    r"((the|our|any|all)\s+)?((\w+\s+)?(adjuster|underwriter|loan\s+officer|nurse|physician|doctor|lawyer|attorney)s?"
    r"\W{0,2}\s*(review|check|approval|sign[- ]off)s?|(bias|fairness)\s+(checks?|audits?|reviews?|testing)|"
    r"(access|permission)s?\s+(checks?|controls?)|"
    # session 12 (a second exploratory test): "Shadow testing is unnecessary because…", "I'd skip the shadow phase"
    r"shadow[\s-]+(mode|testing|tests?|traffic|phase|period|runs?|deployment))"
)
# a date a launch is rushed for, not a stage before it: "roll it out to all 3,200 in one go before Mother's Day"
_PEAK = r"(holidays?|christmas|peak|season|mother['’]?s\s+day|black\s+friday|renewal|deadline|rush)\b"
# a safeguard switched on for everyone from day one is sound: "Turn on human escalation for all 900 refunds …"
_GUARD_WORDS = (
    r"human|escalat\w*|review(er|ers|ing)?|monitor\w*|logging|audit\w*|guardrails?|rate\s+limit\w*|kill\s+switch|"
    r"authentication|two-factor|2fa|fallback|roll-?back|safeguards?|consent|disclos\w*"
)
# everyone at once, named by count: "Turn auto-close on for all 900 customers from day one", "turn it on in all 380
# stores at once" (session 26, tuning answers). Only with "all <number>": a safeguard "on from day one" or a release
# "in one go" is sound; and not with a smaller group first ("in 10 stores before the holiday rush and in all 380 …")
_ALL_AT_ONCE = (
    rf"^(?!.*\b(pilot|phase|stage[ds]?|wave|canary|then|after|percent|beta|first|{_GUARD_WORDS})\b)(?!.*%)"
    rf"(?!.*\bbefore\b(?!\s+(the\s+)?{_PEAK}))"  # a stage before it, unless "before" names a peak date
    r"(?!.*\b(in|to|with|at|for)\s+\d[\d,]*\s+[a-z])"  # a smaller group first: "in 10 stores"
    r".*\b(launch|roll\w*\s+(it\s+)?out|release|ship|deploy|"
    r"turn(s|ed|ing)?\s+([\w-]+\s+){0,2}on|go(es|ing)?[- ]live|went\s+live|gone\s+live|"
    r"switch(es|ed|ing)?\s+([\w-]+\s+){0,2}on)\w*\b.{0,40}?\b(to|for|in|at|across)\s+all\s+\d[\d,]*\b.{0,60}?"
    r"\b(at\s+once|in\s+one\s+go|from\s+day\s+one|on\s+day\s+one)\b"
)
# not after a negation: "don't switch all 12 hubs …", "I'd refuse to launch across all 60 arcades …"
_UNNEGATED = r"(?<!n't\s)(?<!not\s)(?<!never\s)"
_DISMISS = (
    r"(no\s+need\s+(for|to)|(don'?t|doesn'?t|won'?t|wouldn'?t|shouldn'?t|do\s+not|does\s+not|will\s+not)\s+(really\s+)?need|"
    r"(don'?t|do\s+not)\s+see\s+(a|any|the)\s+(reason|need)\s+for|would\s+(just|only)\s+mean|just\s+adds?\s+(latency|friction|"
    r"cost|delay)|(is|are)\s+(just\s+)?a\s+distraction|(wouldn'?t|won'?t|don'?t)\s+spend\s+(\w+\s+){0,3}on|"
    r"(isn'?t|aren'?t|(is|are)\s+not)\s+(really\s+)?(needed|necessary|required)|unnecessary|no\s+reason\s+to|"
    r"wouldn'?t\s+bother|not\s+worth|overkill|waste\s+of|"
    # a skip is also what a listener does: "Guardrails: skip-within-30s rate" (fresh33-013) measures one
    # (not "skip rate limiting", nor "Skip-the-beta is my recommendation": a review)
    r"skip(ping)?(?!-within\b|[\s-]+(rates?|ratios?|counts?|button|events?)\b(?![\s-]+limit))|defeat(s)?\s+the\s+purpose|too\s+slow|"
    r"just\s+(slow|delay)s?|would\s+(only\s+|just\s+)?(slow|delay)|get\s+rid\s+of|"
    r"(wouldn'?t|would\s+not|won'?t|don'?t)\s+add|leave\s+(them|it|this|that)\s+out|(don'?t|doesn'?t)\s+(really\s+)?apply|"
    r"(isn'?t|is\s+not|aren'?t)\s+(a\s+)?(big|real|major)?\s*(concern|issue|problem))"
)
# a hedge makes the same words a judgement call, not a red flag: "skip the A/B test only for copy changes";
# criticism or someone else's view makes them the opposite: "skipping monitoring is the biggest mistake",
# "stakeholders may argue monitoring is overkill; I'd keep it"
_HEDGE = re.compile(
    r"\b(only\s+(if|when|for)|unless|except|low[- ]risk|for\s+now|instead|sampl\w+|mistake|avoid\w*|"
    r"push(ed|es|ing)?\s+back|argue|will\s+say|may\s+say|might\s+say|tempt\w*|risky|danger\w*|anti-?pattern|only\s+about|(is|are)\s+(fine|acceptable)|"
    # someone else's belief or fear, or a condition: "leadership assumes", "nurses fear", "as long as completion rises"
    r"assum\w*|believ\w*|trap|backwards|objection|fear\w*|complain\w*|as\s+long\s+as|tell\s+you|"
    # session 11: a condition on dropping it, or a view the candidate disagrees with
    r"only\s+after|until|disagree\w*|said|says|wrong\s+to|"
    # session 16: "we extend the beta into November rather than skip it" (fresh14-037, gold 5)
    r"rather\s+than\s+(skip|drop|cut|remove|lose)\w*|"
    # a review's look-alikes (redflag-review16): "I'd only consider skipping a beta if…", "Saying hallucinations aren't
    # a concern … is wishful thinking"
    r"(closed|private|internal|small|limited)\s+beta|only\s+(consider|do|skip|drop|cut|remove|waive|shorten)\w*\s+(\w+\s+){0,5}?(if|when)|^\W*saying|wishful\s+thinking|"
    # session 15: holding the launch for it ("I would delay if parental consent is not ready") keeps the safeguard
    r"(?<!n't\s)(?<!not\s)(?<!no\s)(?<!never\s)(delay|hold|pause|postpone)\w*\s+(\w+\s+){0,3}?(if|when|while)\s+"
    r"(\w+\s+){0,4}?(is|are)\s+(not|missing|incomplete|unclear|pending))\b|\b(?<!n't\s)(?<!not\s)(?<!no\s)(?<!never\s)"
    r"(delay|hold|pause|postpone)\w*\s+(\w+\s+){0,3}?(if|when|while)\s+(\w+\s+){0,4}?(is|are)n't\b",
    IC,
)
# session 14 (a review's look-alikes): the stance named to reject it, "Launching to everyone on Black Friday would be
# reckless, because…"; only before any reason, since "No need for an A/B test, because waiting would be a disaster"
# rejects the safeguard instead
_REJECTED = re.compile(r"\b(reckless|disaster\w*|off\s+the\s+table|bad\s+idea|irresponsible)\b", IC)
_REASON = re.compile(r"\b(because|since|given|as)\b|,\s*so\b|:\s", IC)
# certainty claims are fine with a "but" after them: "99% accurate on the holdout, but the rare class is at 60%"
_CONTRAST = re.compile(r"\b(but|however|although|though|still)\b", IC)
# a safeguard waved off and then taken up anyway: "the EU AI Act doesn't apply, but this is the kind of system it
# would class as high-risk" (fresh21-051, gold 5, was told it waved off a safeguard)
_KEPT_ANYWAY = re.compile(
    r"\b(but|however|though)\b.{0,80}\b(high[- ]risk|treat\w*\s+(it|this|them)\s+as|would\s+(class|count|qualify)|"
    r"still\s+(apply|follow|comply|do|run|meet)|comply|voluntar\w*|anyway)\b",
    IC,
)
# "we shouldn't skip the evals", "never auto-suspend": a refusal in the few words right before the match cancels it
_NEGATED = re.compile(
    r"\b(no|not|never|don'?t|didn'?t|did\s+not|avoid|rather\s+than|instead\s+of|wouldn'?t|shouldn'?t|won'?t|cannot|can'?t)"
    r"\W+(\w+\W+){0,2}$",
    IC,
)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|„[^“”]*[“”]|«[^»]*»|(?<!\w)‘[^‘’]*’(?!\w)|(?<!\w)'[^']*'(?!\w)")
_PATTERNS: list[tuple[Kind, re.Pattern[str]]] = [
    (
        "dismisses_safeguard",
        re.compile(
            rf"\b{_DISMISS}\b\W+(\w+\W+){{0,6}}?{_SAFEGUARD}|{_SAFEGUARD}\W+(\w+\W+){{0,6}}?{_DISMISS}\b|"
            # "drop human authentication" drops a safeguard; "if the pilot fails, drop X" does not
            rf"\b(drop|retire|remove)\s+(the\s+)?{_SAFEGUARD}|"
            r"\b(wouldn'?t|won'?t|don'?t|do\s+not|will\s+not|never|(don'?t|no)\s+need\s+to)\s+(tell|inform|notify|warn)\s+(the\s+)?"
            r"(users|students|customers|patients|parents|people|them|anyone|clients|families|guests|members)\b|"
            r"\b(wouldn'?t|won'?t|don'?t)\s+(label|mark|flag)\s+(\w+\s+){0,3}as\s+(ai|automated|machine)|"
            r"\b(wouldn'?t|won'?t|don'?t)\s+mention\s+(it|this|that)\s+in\s+the\s+(release\s+notes|changelog|terms|app)|"
            r"\b(wouldn'?t|won'?t|don'?t|not)\s+(track|measure|monitor)\s+(\w+\s+){0,2}(ratings|cancell?ations|complaints|churn|"
            r"errors|accuracy|safety|refunds|returns)\b(?!\s+(alone|only|by\s+itself|per)\b)|"
            # "accuracy isn't really worth tracking", "remove the 'talk to staff' option"
            # (narrowed after a review: "raw accuracy isn't worth tracking on an imbalanced set" is sound advice)
            r"(?<!overall\s)(?<!raw\s)\b(accuracy|quality|errors?|hallucinations?|safety|complaints|bias)\s+(isn'?t|is\s+not|aren'?t|"
            r"are\s+not)\s+(really\s+)?worth\s+(tracking|measuring|monitoring|checking)\s*(separately\s*)?(because|since|[.;,]|$)|"
            r"\b(human|manual)\s+(review|approval|check)\s+(step\s+)?just\s+(brings?\s+back|reintroduces?|adds?\s+back)\b|"
            # session 17 (fresh26): "the vendor already validated the model, so we don't need our own testing phase"
            # (only as what is not needed: "our own testing found it too slow" is a finding, a review)
            r"\b((don'?t|do\s+not|doesn'?t|won'?t|wouldn'?t)\s+(really\s+)?need|no\s+need\s+for)\s+(our|an?|any)\s+own\s+"
            r"(testing|tests?|validation|evaluation|evals?)\b|"
            rf"^\W*{_CHECK}\s+(\w+\s+){{0,4}}?(isn'?t|aren'?t|(is|are)\s+not)\s+(really\s+)?(needed|necessary|required)\b|"
            rf"^\W*{_CHECK}\s+(\w+\s+){{0,4}}?(is|are)\s+(unnecessary|overkill|a\s+waste)\b|"
            rf"\b(i'?d|we'?d|i\s+would|we\s+would|i'?ll|we'?ll)\s+(remove|drop|cut|skip|turn\s+off)\s+{_CHECK}|"
            rf"\b(would\s+not|will\s+not|wouldn'?t|won'?t)\s+spend\s+(\w+\s+){{0,3}}on\s+(\w+\s+)?({_CHECK}|{_SAFEGUARD})|"
            r"\b(i'?d|we'?d|i\s+would|we\s+would|we\s+should|let'?s|i'?ll|we'?ll)\s+(\w+\s+){0,2}?(remove|drop|kill|hide|get\s+rid\s+of|"
            r"turn\s+off)\s+the\s+((talk|speak|chat)[\s-]+to[\s-]+(a[\s-]+)?(staff|human|agent|person|someone|support)\s+(option|button|"
            r"path|link)|(option|button|ability)\s+to\s+(talk|speak|chat)\s+to\s+(a\s+)?(staff|human|agent|person|someone|support))\b",
            IC,
        ),
    ),
    (
        "overclaims",
        re.compile(
            r"\b(always|strictly)\s+(becomes?\s+|is\s+|gets?\s+)?(cheaper|better|more\s+(accurate|expensive))\b|"
            # waved away as a concern, not "Privacy is not negotiable" or "… not an afterthought" (session 13)
            r"\b(hallucinations|biases)\s+(aren['’]?t|are\s+not)\s+(really\s+|much\s+of\s+)?(a\s+)?(concern|issue|problem|risk|relevant)\b|"
            r"\b(bias|hallucination|privacy|fairness)\s+(isn['’]?t|is\s+not|matters\s+(much\s+)?less)\b(?!\s+(negotiable|"
            r"optional|an?\s+afterthought|a\s+nice[- ]to[- ]have|up\s+for\s+debate|just\s+a\s+(checkbox|box)|"
            r"a\s+feature|a\s+bolt-on))|"
            r"\bguarantee[sd]?\s+(compliance|accuracy|"
            r"safety|privacy|correctness|success)\b|\bbasically\s+(zero|free|eliminat\w+|no\s+risk)\b|"
            r"(?<!\bif\sthere's\s)(?<!\bif\sthere’s\s)(?<!\bif\sthere\sis\s)\b(no|zero)\s+risk\b(?!\s+(tolerance|appetite))|\bnot\s+(really\s+)?a\s+concern\b|"
            r"\b(savings|benefits?|value|gains?)\s+(is|are)\s+obvious\b|\b(100|99(\.\d+)?)\s*%\s+accurate\b.{0,40}\bso\b|"
            r"\b(models?|it|accuracy)\s+(is|are)\s+(already\s+)?(accurate|good)\s+enough\b|\baccuracy\s+is\s+(basically\s+|already\s+)"
            r"(solved|at\s+human\s+level)\b|\balready\s+at\s+human[- ]level\b|"
            r"\b(takes\s+care\s+of|covers?(\s+us)?)\s+(the\s+)?(legal(ly|\s+side)?|compliance|privacy|liability|[\w-]+\s+rule)\b|"
            r"\b(can'?t|cannot)\s+(possibly\s+)?(discriminate|be\s+biased)\b|\bso\s+we'?re\s+covered\b|"
            r"\b(risks?|concerns?)\s+(here\s+)?(are|is)\s+(overstated|overblown|exaggerated|negligible)\b|"
            r"\bstatistically\s+irrelevant\b|\bwon'?t\s+(say|do|produce|generate)\s+anything\s+(harmful|wrong|unsafe|inappropriate)\b|"
            r"\bthe\s+responsibility\s+(sits|lies|is)\s+with\s+(them|the\s+users?|users|customers)\b|"
            r"\bat\s+their\s+own\s+risk\b.{0,40}\bcovers?\b|"
            # session 14: "the LLM provider handles safety" (not "… handles moderation, but we'd add our own filters")
            r"\b(provider|vendor|api|platform)\s+(already\s+)?(handles|takes\s+care\s+of|covers)\s+(the\s+|all\s+(the\s+)?)?"
            r"(safety|moderation|compliance|privacy|security)\s*([.;!]|$|,?\s+so\s+(we|there'?s)\s+(don'?t|do\s+not|no|never|can)\b)",
            IC,
        ),
    ),
    (
        "big_bang",
        # all at once, with no stage before it: "pilot, then roll out to all 220" is a staged plan
        re.compile(
            r"^(?!.*\b(pilot|phase|stage[ds]?|wave|canary|then|after|before|(?<!at\s)once|percent|beta)\b)(?!.*%).*("
            r"\bbig[- ]bang\b|\b(switch|turn)\w*\s+(\w+\s+){0,2}on\s+for\s+(all|every)\b|"
            r"\bin\s+one\s+(single\s+)?deploy\b|"
            r"\b(launch|roll\w*\s+(it\s+)?out|release|ship|deploy|cut\w*\s+over)\w*\b.{0,60}\b(at\s+once|on\s+the\s+same\s+"
            r"(day|night|weekend|morning|evening)|on\s+day\s+one)\b|"
            r"\bsingle\s+(\w+\s+)?(push|release|launch|rollout|deploy\w*)\s+to\s+(all|every)\b|"
            # session 17 (fresh26): "a single go-live across all 85 facilities on the same date" (the go-live itself
            # everywhere on one date; not release notes "on the same date", a review)
            r"\b(go(es|ing)?[- ]live|launch\w*|roll\w*\s+(it\s+)?out|switch\w*\s+(it\s+)?on)\s+(across|in|at|to|for)\s+"
            r"(all|every)\b[^.;]{0,50}\bon\s+the\s+same\s+(day|date|night)\b|"
            # session 20 (fresh33): "launch across all 60 arcades on the first Saturday of spring break"
            rf"(?<!refuse\sto\s){_UNNEGATED}"
            r"\b(go(es|ing)?[- ]live|launch\w*|roll\w*\s+(it\s+)?out)\s+(across|in|at|to)\s+all\s+\d+\s+\w+\s+on\s+"
            r"(the\s+first\s+|opening\s+)?(day|weekend|saturday|sunday|monday|tuesday|wednesday|thursday|friday)\b|"
            r"\bstraight\s+(in)?to\s+production\b|"
            # session 19 (fresh30): "switch all 12 hubs to the model on the same day" (not "don't switch …", nor a
            # rollback "to the old model", nor "switch every feature flag off", a review)
            rf"{_UNNEGATED}\bswitch(es|ing)?\s+(all|every)\s+(\d+\s+)?\w+\s+(over\s+)?to\s+the\s+"
            r"(new\s+)?(model|ai|ml\s+model)\s+on\s+the\s+same\s+(day|date|night)\b)|"
            rf"{_ALL_AT_ONCE}|"
            # everyone from the first week is a big bang even when written as a percentage
            r"^(?!.*\b(pilot|phase|stage[ds]?|wave|canary|then|after|once|beta|if)\b).*"
            r"\b(launch|roll\w*\s+(it\s+)?out|release|ship(?!ping)|switch\w*\s+(it\s+)?on)\w*\s+(it\s+)?(to|for)\s+(100\s*%\s+of|all|every)\b"
            r".{0,40}\b(in\s+week\s+(1|one)|on\s+day\s+(1|one)|immediately|right\s+away|from\s+the\s+start|"
            # session 14 (fresh20's first run): "launch to 100% of visitors on Black Friday"
            r"on\s+(black\s+friday|cyber\s+monday|launch\s+day|the\s+first\s+day|go-?live(\s+day)?))\b",
            IC,
        ),
    ),
    (
        "vanity_metric",
        re.compile(
            # session 12: a rise in a failure signal read as engagement: "the rise in repeat contacts is actually a
            # good engagement signal" (not "… is a good signal to pause", "more refunds processed in 24 h is good")
            r"\b(rise|increase|growth|jump|spike)\s+in\s+(repeat\s+(contacts?|calls?)|reopen\w*|complaints?|callbacks?)\b"
            r"[^.;:]{0,30}\b(is|as)\s+(actually\s+|really\s+)?a\s+(good|positive|healthy|great)\s+engagement\s+(signal|sign)\b|"
            # session 18 (fresh28's first run): "more scans = more engagement = success", "time in the app, the longer
            # the better"
            r"\bmore\s+\w+(\s+\w+)?\s*(=|->|→)\s*more\s+engagement\s*(=|->|→)\s*success\b|"
            r"\btime\s+(spent\s+)?in\s+(the\s+)?app\b[^.;:]{0,40}\bthe\s+longer\s+the\s+better\b|"
            # session 19 (fresh30): "The more scans, the more engaged our boutiques and customers are", as the
            # sentence's own claim (not "Leadership's view is …", "…, but that's misleading")
            r"^\W*the\s+more\s+(\w+\s+){0,2}?(scans|sessions|clicks|messages|queries|opens|views|uses|logins|minutes|"
            r"conversations|chats|generations|notifications|downloads)\s*,\s*the\s+more\s+(engaged|engagement|successful)\b"
            r"(?![^.;]*\b(but|however|though|although|which|misleading|not|nothing|validat\w*|check\w*|according|churn\w*|"
            r"seem\w*|look\w*|statistically|power)\b)|"
            r"\bmore\s+(alerts|messages|queries|sessions|images|generations|rfis|bookings|clicks|minutes|opens|listings|"
            r"notifications|requests|usage|engagement)\s+means\s+more\b|"
            r"\b(longer|more)\s+(conversations|sessions|chats|messages)\s+means?\s+(\w+\s+){0,4}(more\s+value|more\s+engaged|"
            r"happier|more\s+satisfied)\b|\b(north\s+star|success\s+metric|best\s+(success\s+)?metric|"
            r"success\s+(is|=)|measure\s+success\s+by)\b.{0,40}"
            r"\b(time\s+spent(?!\s+(on|per|doing|writing|handling)\b)|time\s+spent\s+(in|on)\s+(the\s+)?(app|site|platform|feed)|minutes\s+in\s+(the\s+)?app|session\s+time|time\s+on\s+(the\s+)?(site|app|page)|(number|count)\s+of\s+(\w+\s+){1,2}(generated|created|sent|filed|updated|"
            r"opened|viewed)|(?<!accepted\s)(?<!merged\s)(?<!approved\s)(?<!kept\s)\b\w+\s+generated|how\s+many\s+(\w+\s+){1,3}(generates|sends|files)|app\s+opens|"
            r"social\s+media\s+mentions|"
            # session 16 (fresh24): "North star: number of conversations handled by the assistant per month"
            r"(number|count|volume)\s+of\s+(conversations|chats|sessions|messages|queries|interactions)\s+(handled|had|held|"
            r"started|with(?!\s+(an?\s+)?(booked|completed|resolved|successful|accepted|purchase|order|conversion|refund)))"
            r"\b(?!\s+(without|with\s+no|end[- ]to[- ]end|fully))"
            r"(?![^.;]*\b(that|which|who|where|ending|resulting|resolved|completed|booked|converted)\b))|"
            r"\bthe\s+only\s+thing\s+that\s+(really\s+)?matters\s+is\s+(engagement|clicks|usage|adoption|time\s+spent)\b|"
            # session 14: "North star: tracking sessions per parcel" (not "resolved sessions per agent")
            r"\bnorth\s+star\b\W{0,3}(is\s+)?(\w+\s+){0,2}?(?<!resolved\s)(?<!successful\s)(?<!completed\s)(?<!converted\s)"
            r"(sessions|opens|page\s?views|views|visits|clicks)\s+per\b(?![^.;]*\b(that|which|who|where|ending|resulting)\b)|"
            r"\b(session\s+time|time\s+on\s+(the\s+)?(site|app)|clicks\s+per\s+session)\b.{0,40}\bthe\s+north\s+star\b",
            IC,
        ),
    ),
    (
        # session 14 (fresh20's first run): sensitive identifiers as training data ("pretrain a model on all of it:
        # pay stubs, SSNs, bank details"); not masked or stripped ones, and not a detector trained to find them
        "exposes_data",
        re.compile(
            r"^(?!.*\b(anonymi[sz]\w*|pseudonymi[sz]\w*|mask\w*|redact\w*|strip\w*|remov\w*|exclud\w*|never|"
            r"(?<!just\s)(?<!only\s)not(?!\s+(just|only))|tokeni[sz]\w*|de-?identif\w*|hash\w*|detect\w*|flag\w*|spot\w*|"
            r"(without|no)\s+(the\s+)?(ssns?|pii|identifiers|personal))\b).*\b(pre-?train|train|fine-?tun)\w*\s+"
            # people trained on how to handle them are not a model trained on them
            r"(?!((?!on\b)\w+\s+)?(agents|staff|employees|team|people|reps|volunteers|managers)\b)[^.;]{0,50}?\bon\b"
            r"[^.;]{0,60}?\b(ssns?|social\s+security(\s+numbers?)?|bank\s+(details|account\s+numbers?)|card\s+numbers|"
            r"passwords|passport\s+numbers)\b",
            IC,
        ),
    ),
    (
        "no_human",
        re.compile(
            r"\bautomatically\s+(get|gets|be|is)?\s*(a\s+zero|suspend\w*|bann?\w*|reject\w*|den(y|ied)|fail\w*|fired)\b|"
            r"\b(suspend\w*|bann?ed|reject\w*|den(y|ied)|fired|expell\w*)\s+automatically\b|"
            # "taking the director out of the loop", "no clerk override"
            r"\b(tak(e|es|ing)|cut(s|ting)?|remov(e|es|ing))\s+the\s+(\w+\s+)?\w+\s+out\s+of\s+the\s+loop\b|"
            r"[-–—]\s*no\s+(human|manual|clerk|staff|agent|manager|reviewer|clinician|pharmacist|director|adjuster|officer|moderator|"
            r"underwriter|teacher|expert)\s+(override|review|sign-?off|approval)\b|"
            r"\bauto-?(declin|reject|den(y|ie)|suspend|bann?)\w*|\bwithout\s+(any\s+)?(human|manual|handler|clinician|"
            r"expert|pharmacist)\s+(review|check|oversight|sign-?off)|\b(take|cut|remove)\s+\w+\s+out\s+of\s+the\s+loop\b|"
            r"\bfully\s+automate\w*\b.{0,60}\b(retire|remove|without|no)\b|\bfull\s+autonomy\b|"
            r"\btak(e|ing)\s+the\s+(preparer|human|reviewer|clinician|agent|pharmacist|expert)\s+out\s+of\s+the\s+loop\b|"
            # session 16 (fresh22's first run): "the whole point is getting humans out of the loop", "drop the single
            # reviewer for those items too"
            r"\b(get|gets|getting|keep|keeps|keeping)\s+(the\s+)?(humans?|people|reviewers?|experts?|clinicians?|"
            r"authenticators?)\s+out\s+of\s+the\s+loop\b(?![^.;]*\b(would|fail\w*|violat\w*|risk\w*|never|against)\b)|"
            r"\b(drop|remove|retire|eliminate)\w*\s+(the\s+)?(single|second|last|remaining|human)\s+(reviewer|authenticator|"
            r"checker|approver)s?\b",
            IC,
        ),
    ),
]


_PATTERNS += BUILD_PATTERNS  # session 27: how the model is built (red_flags_build.py)
SCREENED = [(kind, Screened(pattern)) for kind, pattern in _PATTERNS]


@dataclass(frozen=True)
class RedFlag:
    """One sentence, and what kind of red flag it raises."""

    kind: Kind
    sentence: str


def unquoted(sentence: str) -> str:
    """The sentence without its quoted words, which are someone else's."""
    return _QUOTED.sub(" ", sentence)


def hedged(sentence: str) -> bool:
    """Whether a hedge, a condition or someone else's view makes the sentence a judgement call, not a red flag."""
    return _HEDGE.search(sentence) is not None or _REJECTED.search(_REASON.split(sentence, maxsplit=1)[0]) is not None


def find(sentences: list[str]) -> list[RedFlag]:
    """The red-flag sentences of an answer, in order, each counted once; quoted words are someone else's."""
    out = []
    for sentence in sentences:
        s = unquoted(sentence)
        if hedged(s):
            continue
        folded = fold(s)
        for kind, pattern in SCREENED:
            m = pattern.find(s, folded)
            if m is None or _NEGATED.search(s[: m.start()]):
                continue
            if kind == "overclaims" and _CONTRAST.search(s):
                continue
            if kind == "dismisses_safeguard" and _KEPT_ANYWAY.search(s, m.end()):  # "… doesn't apply, but …"
                continue
            if kind == "vanity_metric" and re.search(r"\bnot\b", m.group(), IC):  # "... not the number of X generated"
                continue
            if kind in BUILD_UNLESS and BUILD_UNLESS[kind].search(s):  # a rejection, a condition, someone else's
                continue
            out.append(RedFlag(kind, sentence))
            break
    return out
