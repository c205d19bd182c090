"""Personal data never leaves the machine: masking rules, and request bodies checked at the HTTP layer."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
import respx
from click.testing import CliRunner

from interviewer.cli import main
from interviewer.knowledge import rubrics
from interviewer.pii import find, iban_ok, luhn_ok, mask

PII = {
    "email": "priya.raman+jobs@example.com",
    "phone": "+1 (555) 201-4477",
    "card": "4111 1111 1111 1111",
    "iban": "DE89 3704 0044 0532 0130 00",
    "ip": "203.0.113.7",
    "name": "Priya Raman",
}
ANSWER = (
    f"My name is {PII['name']}, reach me at {PII['email']} or {PII['phone']}. "
    "As a north star I'd use the task completion rate, because it measures value; guardrails: toxicity under "
    f"baseline + 10% and P99 under 3s. (My card {PII['card']} and IBAN {PII['iban']} were on the old form; "
    f"our server is {PII['ip']}.) We serve 120,000,000 tokens/month, $4,000,000 a year, since 2026-11-26."
)


def test_every_type_is_found_and_numbers_that_are_not_pii_survive() -> None:
    assert {f.type: f.value for f in find(ANSWER)} == PII
    masked = mask(ANSWER)
    assert not any(v in masked for v in PII.values())
    for kept in ("120,000,000 tokens/month", "$4,000,000", "2026-11-26", "P99 under 3s", "+ 10%"):
        assert kept in masked


def test_checksums() -> None:
    assert luhn_ok("4111111111111111") and not luhn_ok("1234567890123456")
    assert iban_ok("GB82 WEST 1234 5698 7654 32") and not iban_ok("GB82 WEST 1234 5698 7654 33")
    assert find("order 1234 5678 9012 3456 shipped") == []


@pytest.fixture
def model_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTERVIEWER_MODEL", "openai/test")
    monkeypatch.setenv("INTERVIEWER_API_BASE", "http://llm.test/v1")
    monkeypatch.setenv("INTERVIEWER_API_KEY", "sk-test-pii-000000000000")


def _server(request: httpx.Request) -> httpx.Response:
    body = json.loads(request.content)
    if body.get("stream"):
        return httpx.Response(500, json={"error": {"message": "no streaming here"}})
    dims = [{"dimension": d.id, "score": 3, "evidence": "[EMAIL]"} for d in rubrics().topics["metrics"].dimensions]
    content = json.dumps({"dimensions": dims, "missing": [], "tip": "Put a threshold on every guardrail you name."})
    if "narrative" in body["messages"][-1]["content"]:
        content = json.dumps({"narrative": "Solid structure; add thresholds."})
    msg = {"role": "assistant", "content": content}
    return httpx.Response(
        200,
        json={
            "id": "x",
            "object": "chat.completion",
            "created": 0,
            "model": "m",
            "choices": [{"index": 0, "finish_reason": "stop", "message": msg}],
        },
    )


@respx.mock
def test_no_request_body_carries_the_original_pii(model_env: None, tmp_path: Path, _isolated_home: Path) -> None:
    route = respx.post("http://llm.test/v1/chat/completions").mock(side_effect=_server)
    answers = tmp_path / "a.txt"
    answers.write_text(ANSWER + "\n---\n/skip\n")
    result = CliRunner().invoke(main, ["practice", "--topic", "metrics", "--questions", "1", "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    assert route.call_count >= 2
    bodies = [call.request.content.decode() for call in route.calls]
    for value in PII.values():
        assert not any(value in b or json.dumps(value)[1:-1] in b for b in bodies), value
    assert any("[EMAIL]" in b for b in bodies)
    # A quote of the masked answer is still a real quote: the model's grade stands.
    assert "Score: 3/5" in result.output and "Model grading unavailable" not in result.output
    # The local transcript keeps the candidate's own words (their data, their machine).
    db = (_isolated_home / "sessions.sqlite").read_bytes()
    assert PII["email"].encode() in db or b"priya.raman" in db


@respx.mock
def test_mask_transcript_setting_masks_the_local_copy_too(
    model_env: None, tmp_path: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVIEWER_MASK_TRANSCRIPT", "true")
    respx.post("http://llm.test/v1/chat/completions").mock(side_effect=_server)
    answers = tmp_path / "a.txt"
    answers.write_text(ANSWER + "\n---\n/skip\n")
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        main, ["practice", "--topic", "metrics", "--questions", "1", "--answers", str(answers), "--report", str(out)]
    )
    assert result.exit_code == 0
    from interviewer import store
    from interviewer.config import Settings
    from interviewer.rules import RuleGrader
    from interviewer.session import Interview
    from interviewer.state import Context

    with store.open_db(Settings().db_path) as conn:
        sid = store.list_sessions(conn)[0].id
        turns = Interview.resume(conn, Context(grader=RuleGrader()), sid)[0].state()["turns"]
    assert "[EMAIL]" in turns[0]["answer"] and PII["email"] not in turns[0]["answer"]


def test_superscript_digits_kept_as_typed_in_the_graded_text_are_still_masked() -> None:
    from interviewer.text import clean

    text = clean("Call me on ⁺⁴⁴ ⁷⁷⁰⁰ ⁹⁰⁰¹²³, card ⁴¹¹¹ ¹¹¹¹ ¹¹¹¹ ¹¹¹¹, mail jane²@example.com; 10⁵ chats a month.")
    assert mask(text) == "Call me on [PHONE], card [CARD], mail [EMAIL]; 10⁵ chats a month."


def test_a_count_grouped_with_spaces_is_not_a_phone_number_but_a_phone_before_a_word_is() -> None:
    # an exploratory test (session 13): "120 000 000 tokens" was saved, and sent to the model, as "[PHONE] tokens"
    for count in (
        "We process 120 000 000 tokens a month.",
        "120 000 000 input tokens",
        "a 1 200 000 EUR budget",
        "We have 612 345 678 monthly active users.",
    ):
        assert mask(count) == count, count
    assert mask("Call 612 345 678 for bookings") == "Call [PHONE] for bookings"
    assert mask("Call me on 612 345 678 today.") == "Call me on [PHONE] today."
    assert mask("07700 900123 calls a day") == "[PHONE] calls a day"  # not grouped in threes: a phone's
    # a review (session 13): the first version let any phone before a listed word through
    for phone in (
        "You can reach me at 415-555-2671 a day before the interview.",
        "My cell is 415 555 2671 per the form I sent.",
        "Text 4155552671 messages only, please.",
        "Contact: 415-555-2671\nUsers first: nurses",
    ):
        assert "[PHONE]" in mask(phone), phone


def test_with_a_masked_transcript_no_file_holds_the_pii_a_quote_or_report_would_repeat(
    tmp_path: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a review (session 13): the grade's quotes were taken from the unmasked text and the report printed them all
    monkeypatch.setenv("INTERVIEWER_MASK_TRANSCRIPT", "true")
    answers = tmp_path / "a.txt"
    answers.write_text(
        "North star: resolved tickets per agent hour, against a 10% holdout. I'd send the weekly numbers to "
        "jane.doe@acme.com for review, with CSAT as a guardrail that pauses the rollout if it drops 2 points."
        "\n---\n/skip\n"
    )
    out = tmp_path / "r.json"
    result = CliRunner().invoke(
        main, ["practice", "--question", "met-01", "--answers", str(answers), "--report", str(out)]
    )
    assert result.exit_code == 0, result.output
    feedback = result.output.split("Score:", 1)[1]  # a scripted answer is echoed as typed; its feedback is saved text
    assert "jane.doe@acme.com" not in feedback and "[EMAIL]" in out.read_text()
    for path in [out, *(p for p in _isolated_home.rglob("*") if p.is_file())]:
        assert b"jane.doe@acme.com" not in path.read_bytes(), path


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # names in any script and case after "my name is" (session 15's loopback test saw "[NAME]án O'Connor-Smith")
        ("My name's Siobhán O'Connor-Smith and I lead growth.", "My name's [NAME] and I lead growth."),
        ("My name is Nguyễn Thị Minh, PM.", "My name is [NAME], PM."),
        ("MY NAME IS RAJ PATEL", "MY NAME IS [NAME]"),
        ("Hi, I'm José Álvarez and I build tools.", "Hi, I'm [NAME] and I build tools."),
        # a card grouped with dots, an IBAN pasted in lower case, provider keys by their shapes
        ("Card 4111.1111.1111.1111 on file.", "Card [CARD] on file."),
        ("Pay to gb82west12345698765432 today.", "Pay to [IBAN] today."),
        ("Use sk-proj-abcdefghijklmnop1234 or AKIAIOSFODNN7EXAMPLE.", "Use [KEY] or [KEY]."),
    ],
)
def test_loopback_gaps_are_masked(text: str, masked: str) -> None:
    assert mask(text) == masked


def test_a_word_after_im_that_describes_is_not_a_name() -> None:
    for text in ("I'm Excited about the A/B test", "I am Leading the pricing work", "I'm raj patel"):
        assert mask(text) == text  # lower case after "I'm" is too weak a cue: "i'm happy" is no name


def test_with_a_masked_transcript_your_own_question_is_masked_where_it_is_saved_and_listed(
    tmp_path: Path, _isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVIEWER_MASK_TRANSCRIPT", "true")
    answers = tmp_path / "a.txt"
    answers.write_text("I'd price per seat at $30 a month, with a free tier for two users.\n---\n/skip\n")
    own = "My name is Dana Whitfield (dana.whitfield@example.com). How would you price our AI note-taker?"
    result = CliRunner().invoke(main, ["practice", "--question", own, "--answers", str(answers)])
    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(main, ["sessions"]).output
    files = "".join(p.read_bytes().decode("latin-1") for p in _isolated_home.rglob("*") if p.is_file())
    for text in (result.output, listed, files):
        assert "dana.whitfield@example.com" not in text and "Dana Whitfield" not in text


def test_a_code_reviews_name_cases() -> None:
    # acronyms and "B2B" are no names, a line break ends one, "my name is not important" names no one,
    # and names that end like adjectives ("Emily", "Mohammed", "Beverly") are still names
    for text in ("This is MVP scope", "This is B2B SaaS.", "I am VP of Product", "My name is not important here."):
        assert mask(text) == text
    assert mask("Hi, I'm Raj\nand I lead growth.") == "Hi, I'm [NAME]\nand I lead growth."
    for name in ("Emily Chen", "Mohammed Al-Rashid", "Beverly", "Jared Kim"):
        assert mask(f"Hi, I'm {name} from the data team.") == "Hi, I'm [NAME] from the data team."
    assert mask("We use sk-learn-random-forest-classifier here.") == "We use sk-learn-random-forest-classifier here."
