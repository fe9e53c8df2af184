"""The demo's chat service (issue 24): the desk that opens the demo asks a real paged web
service on 127.0.0.1 with OAuth2 while the visitor waits, and the extract shows its
conversations; a service with more pages than allowed is said in the extract, not cut silently;
a machine without a keyring gets the service without OAuth2 and a comment saying why."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from desktop.core.extract import SourceStatus
from desktop.services.demo import create_demo
from desktop.services.demo.web import SOURCE_ID, Settings
from desktop.services.desk import open_desk
from tests.integration.services.helpers import cli
from tests.integration.services.test_extract_truth import demo_person, extract, summary_row, visit_for


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """A demo made on a machine with a keyring (this test's in-memory one): OAuth2."""
    return create_demo(tmp_path / "org", people=60, seed=3).config_path


def test_the_demo_desk_asks_its_chat_service_with_oauth2_and_the_extract_shows_it(config: Path) -> None:
    settings = Settings.read(config.parent)
    assert settings is not None and settings.oauth  # this test's keyring keeps secrets
    assert 'auth = "oauth2-client-credentials"' in config.read_text(encoding="utf-8")
    assert keyring.get_password("insyn", SOURCE_ID) is None  # the desk stores it when it opens the demo
    with open_desk(config) as desk:
        assert keyring.get_password("insyn", SOURCE_ID) == settings.client_secret
        visit = visit_for(desk, demo_person(config, 0))
        result = visit.gather()
        live = result.sources[SOURCE_ID]
        assert live.status is SourceStatus.OK, live.message
        assert live.record_count == 6 and live.page_limit == 0  # two conversations, two pages of five
        assert {r.fields["Konversation"] for r in live.records} and live.searched_by == ("email",)
        visit.confirm_all_weak()
        text, package = extract(desk, visit)
    row = summary_row(package, SOURCE_ID)
    assert row["status"] == "ok" and row["more_pages_than"] is None
    assert "Chattkonversationer sedan senaste exporten" in text
    assert "Tack!" in text  # the visitor's own last words in the conversation


def test_more_pages_than_allowed_are_said_on_the_row_and_in_the_extract(config: Path) -> None:
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('params = { limit = "5" }', 'params = { limit = "2" }\n  max_pages = 2'),
                      encoding="utf-8")  # fmt: skip
    with open_desk(config) as desk:
        visit = visit_for(desk, demo_person(config, 0))
        live = visit.gather().sources[SOURCE_ID]
        assert live.status is SourceStatus.OK and live.record_count == 4 and live.page_limit == 2
        visit.confirm_all_weak()
        extract_text, package = extract(desk, visit)
        number = visit.file.number
    assert summary_row(package, SOURCE_ID)["more_pages_than"] == 2
    assert (
        "Tjänsten hade fler än 2 sidor med uppgifter om dig; de första 2 är med. Kontakta oss så tar vi fram resten."
        in extract_text
    )
    code, out, err = cli("case", "gather", number, "--config", str(config), "--staff", "disk1", stdin="demo-disk1\n")
    assert code == 0, err
    assert f"{SOURCE_ID}: ok, 4 records (more than 2 pages; the rest not read)" in out


def test_without_a_keyring_the_demo_service_asks_no_secret(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        summary = create_demo(tmp_path / "demo", people=10, seed=4)
    finally:
        keyring.set_keyring(previous)
    text = summary.config_path.read_text(encoding="utf-8")
    assert "This machine had no keyring when the demo was made" in text and 'auth = "none"' in text
    assert json.loads((tmp_path / "demo" / "demo-web.json").read_text())["oauth"] is False
    code, out, _err = cli("config", "check", str(summary.config_path))
    assert code == 0, out
    assert f"{SOURCE_ID}: ok (Chattkonversationer sedan senaste exporten: answered)" in out
