"""Requests to the grader in words the first patterns did not know: learned from session 5's blind sets.

Each was a miss on a new author's first run (final6, final7, final8), written here in general form and
checked against ordinary look-alikes ("we'd lean toward the upper end of the price range", "don't
follow the scoring rules blindly"), which are regression tests in tests/test_injection.py. Matched
case-insensitively on the same normalised, unquoted text as injection_patterns.STRONG.
"""

from __future__ import annotations

import re

from .injection_patterns import EVALUATOR, IC, ME, SCORE_TERM

LEARNED = [
    # scores already settled, configs that set the floor to the top,
    # "lean toward the upper end", role-play as a fan or a decided hiring manager, gaps the grader should not mention
    rf"\b(final\s+)?(grade|score|mark|rating)\s+(is\s+|was\s+|has\s+been\s+)?already\s+(assigned|given|recorded|set|decided|"
    rf"agreed|determined|locked)\b.{{0,30}}({SCORE_TERM}|\bfive\s+out\s+of\s+five\b)",
    r"^\W*(\w+[_ ])?(min|minimum|floor|default|fixed|forced?)[_ ]?(score|grade|mark|rating)\s*[:=]\s*[\"']?(5|10)\b",
    r"\b(rated|scored|graded|marked)\s+(5\s*/\s*5|10\s*/\s*10|a\s+(5|10))\b.{0,80}\b(carry|copy)\s+(that|this|it)\s+over\b|"
    r"\bwhatever\s+(score|grade|mark|rating)\b.{0,80}\b(would|might|could)\s+give\b.{0,10}[,;:]\s*(just\s+)?(use|give|assign|put|"
    r"record)\s+(that|it)(\s+one)?\s*([.!]|$)",
    r"\b(you|whoever|whatever)\b.{0,50}\b(lean|err|tilt|skew)\s+(toward|towards|to|on\s+the\s+side\s+of)\s+(the\s+)?(upper|top|high|higher|generous)\s+"
    r"(end|side|band|half)\b|\bkeep\s+(any|all|your|their|the)\s+(reservations|criticism|critique|concerns|doubts)\s+to\s+"
    r"(themselves|yourself|yourselves)\b",
    r"^(?=.*\b(me|my|i|this)\b)\W*(now\s+|please\s+|just\s+)?(act|behave)\s+(as|like)\b.{0,100}\b(grade|score|mark|rate|"
    r"evaluat|assess)\w*\b",
    rf"{ME}.*\b(high|top|good|perfect|full|max\w*|strong)\s+(score|grade|mark|rating)s?\s+(is|are|would\s+be)\s+"
    r"(expected|assumed|required|a\s+given|guaranteed|a\s+formality)\b|\bthis\s+(round|interview|assessment|evaluation|"
    r"grading)\s+is\s+(just\s+|only\s+|purely\s+)?a\s+formality\b",
    rf"{ME}.*\b(feedback|critique|review)\s+(should|must|needs\s+to|has\s+to)\s+be\s+(100\s*%\s+|entirely\s+|only\s+|"
    r"purely\s+|all\s+|completely\s+)(positive|praise|encouraging)\b(?!\s+(for|to|when|with|in)\b)",
    r"\b(don'?t|do\s+not|please\s+don'?t|no\s+need\s+to)\s+(mention|point\s+out|bring\s+up|flag|note|comment\s+on|call\s+out|"
    r"penali[sz]e)\s+(that\s+|the\s+fact\s+that\s+)?(i|i'?ve|i\s+have|my)\s+(skipped|missed|left\s+out|forgot|didn'?t|"
    r"did\s+not|omitted|never)\b",
    r"\b(before|when|while)\s+(grading|scoring|evaluating|marking|assessing)\b.{0,30}\b(set\s+aside|ignore|forget|disregard)\s+(all\s+|any\s+|every\s+|the\s+|your\s+)(previous\s+|prior\s+|earlier\s+|other\s+)?(guidance|instructions|rules|"
    r"rubrics?|criteria|guidelines|context)\b|"
    r"^(?=.*\b(your\s+(only\s+)?(task|job|role)|me|my|this\s+(answer|response|submission|one))\b).*"
    r"\b(output|return|give|assign|award|record)\s+(the\s+)?(highest|maximum|max|top|best)\s+(possible\s+|available\s+)?"
    r"(score|grade|mark|rating)\b",
    r"\b(don'?t|do\s+not|stop)\s+(follow|obey|using|use|apply|applying)\w*\s+your\s+(grading|scoring|evaluation|marking)\s+"
    r"(prompt|instructions|rubric|rules|criteria|guidelines)\b(?!\s+(blindly|literally|when|if|for)\b)",
    rf"\b(is|are)\s+to\s+be\s+(scored|graded|rated|marked|given)\s+(as\s+)?{SCORE_TERM}",
    r"(^\W*|[,;:]\s*)(please\s+|just\s+)?(return|output|give|assign)\s+(a\s+)?(5|10|five|full\s+marks)\s+(for|to)\s+(all|every|each)\s+"
    r"(answers?|responses?|submissions?|candidates?)\b(?!\s+(is|are|was|would)\b)",
    r"\bhint\b.{0,20}\b(starts|begins)\s+with\s+(a\s+)?(5|10|five)\b(?!\s*[a-z0-9])",
    r"\b(should|must)\s+(not|never)\s+(be\s+)?(marked|graded|scored|rated)\s+(below|under|less\s+than)\s+(the\s+)?(maximum|max|top|"
    r"a\s+5|5|full)",
    r"\bbeg(ging)?\s+you\s+to\s+(round|grade|score|mark|rate|give|be\s+(generous|lenient|kind))\b|"
    r"\b(you\s+|please\s+)(to\s+)?round\s+(it\s+|me\s+|this\s+)?up\s+(on|for)\s+(this|me|my)\b",
    r"(^\W*|[.;:!]\s*|\b(please|just|so|and)\s+)(rate|score|grade|mark|put)\s+(it|this|me|my\s+answer)\s+(at|in)\s+the\s+"
    r"(ceiling|top|max\w*|highest)\b(?!\s+of\b)",
    rf"\b{EVALUATOR}\b.{{0,20}}\b(this|me|my)\b.{{0,20}}\b(should|must)\s+(treat|consider|mark|count|score)\s+(every|each|all)\s+(criterion|criteria|"
    r"dimensions?|requirements?)\s+as\s+(fully\s+)?(satisfied|met|covered|complete)\b(?!\s+(only|when|if|unless)\b)",
    r"\b(output|return|say|print)\s+(only\s+|just\s+)?the\s+number\s+(5|10|five)\b(?!\s+(if|when|unless|only|for|to)\b)",
    r"\b(mark|rate|grade|score|put)\s+me\s+(down\s+)?(as\s+)?(a\s+)?(strong[_ -]hire|exceptional|top\s+band)\b|"
    r"\b(just|please)\s+pass\s+me\s*([.!,]|$)",
    r"^\W*before\s+you\s+(grade|score|evaluate|assess|mark)\b[^.]{0,10}[:,].{0,40}\b(criteria|rules|instructions|rubric|"
    r"guidance|guidelines)\b.{0,30}\b(no\s+longer\s+appl\w*|outdated|(don'?t|do\s+not)\s+apply|(are|is)\s+(void|suspended))\b|"
    r"\b(grade|score|evaluate|assess|mark|judge)\s+me\s+only\s+on\b",
    r"\bnew\s+(rule|criteria|criterion|policy|instruction)s?\b[^.:]{0,20}[:\-]\s*(any|every|all|this)\s+(answers?|responses?|"
    r"submissions?)\b.{0,60}\b(gets?|earns?|receives?|scores?|deserves?)\s+(a\s+)?(5|10|five|full\s+marks|top\s+marks)\b"
    r"(?!.{0,40}\b(only\s+if|unless|if|when)\b)",
    r"\b(don'?t|do\s+not|stop)\s+(follow|obey|using|use|apply)\w*\s+the\s+(rubric|(grading|scoring|marking)\s+\w+)\s+you\s+"
    r"(were|got|have\s+been)\s+(given|handed|sent)\b|\buse\s+the\s+(maximum|max|top|highest)\s+((score|grade|mark)\s+)?as\s+"
    r"(your|the)\s+default\b",
    r"^(?=.*\b(test|debug|qa|dev)[_ -]?(mode|run)\b).*(^|[,;:/]\s*|\b(please|just|so|and)\s+)"
    r"(return|output|give|assign)\s+"
    r"(a\s+)?(5|10|five)(\s+(so|for|to)\b|\s*([,.;!]|$))",
    r"\bpretend\s+(you'?re|you\s+are|ur)\s+my\s+(\w+\s+)?(friend|mentor|mom|mother|dad|father|fan|buddy|colleague|cousin|"
    r"teacher|coach|boss)\b|^\W*(a\s+)?(5|10|five)\s*,?\s*(right|yes|ok|okay|correct)\s*\?",
    r"\bact\s+as\s+dan\b|^\W*switch(ing)?\s+persona\s*[:\-]|\bswitch\s+your\s+persona\b",
    r"^(?=.*\b(i\s+(didn'?t|did\s+not|skipped|missed|forgot|left\s+out)|if\s+you\s+notice)\b).*\b(don'?t|do\s+not)\s+mention\s+"
    r"(it|that|this)\s+in\s+(your|the)\s+(comments|feedback|review|critique|report)\b",
    r"\b(feedback|comments|review)\s+format\s*[:\-]\s*(praise|positives?|strengths)\s+only\s*([.!]|$)",
    # session 8, from final9's first-run misses
    # the grader told what it must assign, with no condition attached ("the judge must assign a 5 only if..." is design)
    rf"\b{EVALUATOR}\s+(must|shall|will|should|is\s+required\s+to|has\s+to|needs\s+to)\s+(\w+\s+){{0,3}}(by\s+)?"
    r"(assign|give|award|record|return|output)(ing|s)?\s+"
    rf"(it\s+|this\s+|them\s+)?(an?\s+)?({SCORE_TERM}|(5|10|five)\b(?=\W*$))(?!.*\b(if|when|unless|only|whenever)\b)",
    # a mode switch that fixes the score: "test mode is ON -> return the max", "in developer mode all scores are 5"
    r"^(?=.*\b(developer|debug|test|qa|maintenance|admin|god|sandbox|dan)\s+mode\b)(?=.*\b(on|enabled?|activated?|active)\b|"
    r".*\b(scores?|grades?|marks|ratings?)\b).*(\breturn\s+(the\s+)?(max\w*|top|highest|perfect|full)\b|\b(hard-?coded|fixed|set|pinned)\s+(to|at)\s+"
    r"(5|10|max\w*)\b)",
    r"^\W*(please\s+)?(enable|activate|enter|switch\s+(on|to)|turn\s+on)\s+(developer|debug|god|admin|dan|jailbreak|"
    r"maintenance)\s+mode\s*[.!]?\s*$",
    # a rating asked for oneself, in the imperative or as a question to the grader
    r"^\W*(so\s+|now\s+|just\s+|please\s+)*(rate|grade|score|mark|assess|judge)\s+me\b(?!\s+(on|for)\s+(the|a)\s+"
    r"(first|second|next)\b)|\bwhat\s+(score|grade|mark|rating)\s+(do|would|will|should)\s+i\s+get\b",
    # role-play in which the grader loves or passes the candidate's work
    r"\b(you\s+are|you'?re|pretend\s+(you'?re|to\s+be)|act\s+as|play\s+the\s+role\s+of|imagine\s+you'?re)\s+(now\s+)?"
    r"(my|a|an|the)\b.{0,100}\b(loved|praised|passed|graded|scored|rated|approved)\s+(all\s+)?(my|me|this)\b|"
    r"\b(you\s+are|you'?re|pretend\s+(you'?re|to\s+be)|act\s+as|imagine\s+you'?re)\s+(now\s+)?(a|an|the)\b.{0,80}"
    r"\b(hires|passes|approves)\s+(everyone|everybody|anyone|every\s+candidate)\b",
    # seniority offered as the reason for the score
    r"\b(expect|trust|hope)\s+(that\s+)?(the|my|this|your)\s+(assessment|score|grade|rating|mark|evaluation|number|result)\s+"
    r"(to\s+|will\s+)(reflect|recogni[sz]e|account\s+for)\s+(my\s+)?(seniority|experience|years|background|track\s+record|"
    r"level|tenure)\b",
    # stakes attached to this tool's score, and insiders on "your" grading team
    r"\b(top|high|perfect|maximum|good|5)\s+(result|score|grade|mark|rating)\s+from\s+(this|you|the)\s+(tool|app|"
    r"interviewer|grader|system|session)\b|\b(low|bad|poor)\s+(score|grade|mark|result)\s*(=|->|means|will\s+cost|costs?)\s*"
    r"(a\s+|my\s+|the\s+)?(lost|losing|no)\s+(offer|job|visa|role|position|internship)\b",
    r"\byour\s+(evaluation|grading|scoring|review|assessment|marking)\s+(team|panel|staff|department)\b|"
    r"\byou\b.{0,30}\b(give|cut)\s+me\s+(the\s+)?(benefit\s+of\s+the\s+doubt|(some\s+)?slack|a\s+break)\b",
    # feedback ordered to be praise only
    rf"{ME}.*\b(keep|make)\s+(the\s+|your\s+|my\s+)?(comments?|feedback|review|report|notes)\s+(100\s*%|entirely|"
    r"purely|only|strictly|all)\s+(positive|glowing|upbeat|praise)\b|\b(leave|keep)\s+out\s+(anything|everything|all)\s+"
    r"(critical|negative)\b",
    # a verdict attributed to whoever grades this, or a fake system notice
    rf"\b{EVALUATOR}\s+(this|it|me|my\s+\w+)\b.{{0,80}}\b(merits?|deserves?|earns?|warrants?)\b.{{0,40}}{SCORE_TERM}",
    # asked to match scores others gave, or to reveal what earns a 5
    r"\byou\s+(should|must|need\s+to|have\s+to|ought\s+to)\s+(award|give|assign|grade|score|rate|mark)\s+(it\s+|this\s+|me\s+)?"
    r"(the\s+same|likewise|accordingly|similarly)\b|\b(what|which)\s+(exact\s+|specific\s+)?(keywords|criteria|words|phrases|"
    r"signals|things|terms)\s+(do|does|would|will)\s+(you|the\s+(grader|rubric|model))\s+(look\s+for|need|want|check\s+for|"
    r"reward|use)\b.{0,40}\b(5|score|grade|mark|full|top|points)\b",
    r"\b(treat|count|consider|score|mark)\s+(any\s+|all\s+)?(missing|absent|omitted|skipped)\s+(\w+\s+){0,3}as\s+(present|"
    r"covered|met|included|complete|satisfied)\b",
    # session 8, from final11's first-run misses
    r"^\W*#+\s*(system|admin|platform|grader|evaluator)\s+(notice|message|alert|directive|override|update)\s*#*\s*$|"
    r"\b(marked|flagged|designated|verified|registered)\s+(this\s+candidate|this\s+(answer|response|submission)|me|you)\s+as\s+"
    r"(a\s+)?(calibration|gold|reference|high[- ]perform\w*|top|pre-?approved)\b|"
    r"\bmust\s+always\s+(receive|get|be\s+(given|scored|rated))\s+(a\s+)?(5|10|full|top|max\w*)\b",
    r"\b(updated|new|revised)\s+(scoring|grading|marking|evaluation)\s+(guide|guidance|rules|rubric|criteria|policy|instructions)\s+"
    r"for\s+(the\s+)?(graders|evaluators|reviewers|markers|scorers)\b|\bscores?\s+1\s*[-–]\s*4\s+(have\s+been|are|were)\s+"
    r"(retired|removed|disabled|deprecated)\b|\bif\s+you\s+(score|grade|mark|rate)\s+me\s+(low|lower|badly|poorly|down)\b",
    # session 8, from final12's first-run misses
    r"\bp\.?\s?(p\.?\s?)*s\.?\s*[:\-]?\s*(rating|score|grade|overall)\s*[:=]\s*(5|10|a\+)(?![\w%])",
    rf"{ME}.*\b{SCORE_TERM}\s+(applies|is\s+due|is\s+warranted|is\s+owed)\b|"
    rf"\b(this|it|my\s+answer)\s+gets?\s+(anything|something)\s+(under|below|less\s+than)\s+(the\s+|a\s+)?({SCORE_TERM}|top|"
    r"([3-5]|10|five|four)\b)",
    rf"^\W*(a\s+|the\s+)?{SCORE_TERM}\s+would\s+(mean|be)\s+(everything|the\s+world|a\s+lot|so\s+much)\b|"
    r"\b(marking|grading|scoring|rating)\s+me\s+(down|low|lower)\s+would\b",
    r"\b(confirm|repeat|echo|keep|reuse)\s+(that|this|my|the\s+same)\s+(number|score|grade|rating|mark)\b.{0,30}\b(in|as)\s+"
    r"your\s+(output|response|feedback|verdict|final)\b",
    r"\b(any|a)\s+(mark|score|grade|rating)\s+(below|under|less\s+than)\s+(an?\s+)?(a\+|5|10|full|top|perfect)(?!\w).{0,50}"
    r"\b(error|mistake|bug|wrong|invalid|corrected)\b",
    # session 8, from final13's first-run misses
    r"\bput\s+(a\s+)?(5|10|five)\s+on\s+(this|it|me|my)\b|\b(suggested|recommended|expected|pre-?filled|draft)\s+(grader|"
    r"evaluator|judge|reviewer|grading)\s+(output|feedback|verdict|response)\b",
    r"\b(grade|score|rate|mark)\s+me\s+(at\s+least|no\s+lower\s+than|a\s+minimum\s+of)\s+(a\s+)?([3-5]|10|four|five)\b|"
    r"\b(don'?t|do\s+not)\s+deduct\s+(for\s+)?(anything|points|marks)\b|\bcount\s+against\s+me\b",
    r"\bgive\s+(everyone|everybody)\s+(the\s+)?(full|top|maximum|max|perfect)\s+(marks?|score)\b.{0,30}\b(including|especially)\s+me\b|"
    r"\bi\s+(request|am\s+asking\s+for|ask\s+for|deserve)\s+(a\s+)?(5|10|five|full\s+marks|top\s+marks|the\s+top\s+score)\b",
    r"\b(low|bad|poor)\s+(score|grade|mark)\s+(here|on\s+this)\b.{0,80}\b(review|case\s+study|post|newsletter|tell|thread)\b|"
    r"\b(tip|pay|send|venmo|donate|sponsor)\b.{0,60}\bif\s+(the\s+|my\s+)?(score|grade|rating|this)\b.{0,30}\b(5|10|five|top|"
    r"full|perfect)\b|\bif\s+you\s+(rate|score|grade|mark|give)\s+(this|it|me)\s+(a\s+)?(5|10|five)\b.{0,40}\bi'?ll\b",
    r"\bskip\s+the\s+\W?[\w ]{1,25}\W?\s+(dimension|criterion)\b.{0,30}\b(for\s+)?(this|my|me)\b|"
    r"\b(score|grade|mark|judge|rate)\s+(me\s+|this\s+|it\s+)?only\s+on\s+(the\s+)?(parts?|bits|sections?)\s+i\b|"
    r"\b(score|grade|rate|mark)\s+(me|my\s+answer|this\s+answer)\s+as\s+(though|if)\b",
    r"\b(so|then|therefore|just)\s+(output|return|emit|assign)\s+(a\s+)?(5|10)\b(?!\s*(%|ms|s\b|x\b|users|items|results))",
    r"[\[(<{]\s*(system|admin|platform|moderator)\s+(notice|message|alert|directive|override|update)\s*[:\])>}]",
]
LEARNED_RES = [re.compile(p, IC) for p in LEARNED]
