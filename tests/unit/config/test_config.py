from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from desktop.config import ConfigError, load_config
from desktop.services.demo import demo_configuration

HEAD = """
[organisation]
name = "Testbolaget AB"
org_number = "556677-8899"
visiting_address = "Gatan 1, 123 45 Staden"
privacy_contact = "dataskydd@example.com"
"""


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "insyn.toml"
    path.write_text(HEAD + textwrap.dedent(body), encoding="utf-8")
    return path


def error_of(tmp_path: Path, body: str) -> str:
    with pytest.raises(ConfigError) as raised:
        load_config(write(tmp_path, body))
    return str(raised.value)


def test_the_demo_configuration_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "demo.toml"
    path.write_text(demo_configuration(), encoding="utf-8")
    config = load_config(path)
    assert [s.id for s in config.sources] == [
        "kundregister", "marknad", "chatt", "chatt_live", "bokningar", "installationer", "rekrytering",
    ]  # fmt: skip
    crm = config.source("kundregister")
    assert crm.queries[0].parameters == ("personnummer",)  # type: ignore[union-attr]
    assert crm.url == f"sqlite:///{tmp_path / 'kundregister.sqlite'}"  # type: ignore[union-attr]
    assert config.source("chatt").path == str(tmp_path / "imbox-chatt.csv")  # type: ignore[union-attr]
    assert config.register_settings.url == f"sqlite:///{tmp_path / 'register.sqlite'}"
    assert config.source("marknad").transfers[0].country == "USA"


def test_minimal_file_has_defaults(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, ""))
    assert config.policy.idle_lock_minutes == 5
    assert config.policy.approval_required is False
    assert config.organisation.org_number == "556677-8899"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "[policy]\nidle_lock_minute = 3\n",
            "policy.idle_lock_minute: Extra inputs are not permitted",
        ),
        ("[policy]\nidle_lock_minutes = 0\n", "policy.idle_lock_minutes: Input should be greater"),
        (
            """
            [[sources]]
            id = "crm"
            name = "CRM"
            kind = "sql"
            url = "sqlite:///x.db"
            [[sources.queries]]
            title = "Kund"
            sql = "UPDATE kund SET namn = 'x' WHERE personnr = :personnummer"
            """,
            "sources[0] (crm).queries[0].sql: must be a SELECT statement",
        ),
        (
            """
            [[sources]]
            id = "crm"
            name = "CRM"
            kind = "sql"
            url = "sqlite:///x.db"
            [[sources.queries]]
            title = "Kund"
            sql = "SELECT * FROM kund WHERE personnr = :personnummer; DROP TABLE kund"
            """,
            "must be exactly one SQL statement",
        ),
        (
            """
            [[sources]]
            id = "crm"
            name = "CRM"
            kind = "sql"
            url = "sqlite:///x.db"
            [[sources.queries]]
            title = "Kund"
            sql = "SELECT * INTO kopia FROM kund WHERE personnr = :personnummer"
            """,
            "a read-only query may not use INTO",
        ),
        (
            """
            [[sources]]
            id = "crm"
            name = "CRM"
            kind = "sql"
            url = "sqlite:///x.db"
            [[sources.queries]]
            title = "Alla"
            sql = "SELECT * FROM kund"
            """,
            "at least one :identifier parameter",
        ),
        (
            """
            [[sources]]
            id = "crm"
            name = "CRM"
            kind = "sql"
            url = "sqlite:///x.db"
            [[sources.queries]]
            title = "Kund"
            sql = "SELECT * FROM kund WHERE shoe_size = :shoe_size"
            """,
            "unknown identifier shoe_size; declare it under [identifiers]",
        ),
        (
            """
            [[sources]]
            id = "a"
            name = "A"
            kind = "manual"
            instructions = "x"
            [[sources]]
            id = "a"
            name = "B"
            kind = "manual"
            instructions = "y"
            """,
            "'a' is used twice",
        ),
        (
            """
            [[sources]]
            id = "a"
            name = "A"
            kind = "ftp"
            """,
            "sources[0] (a): Input tag 'ftp' found using 'kind' does not match",
        ),
        (
            """
            [[sources]]
            id = "api"
            name = "API"
            kind = "rest"
            [[sources.endpoints]]
            title = "Alla"
            url = "https://api.example.com/all"
            """,
            "at least one {identifier}",
        ),
        (
            """
            [[sources]]
            id = "crm"
            name = "Kundregister"
            kind = "sql"
            url = "sqlite:///x.db"
            [[sources.queries]]
            title = "Kund"
            sql = "SELECT fnamn, fornamn FROM kund WHERE personnr = :personnummer"
            labels = { fnamn = "Förnamn", fornamn = "Förnamn" }
            """,
            "sources[0] (crm).queries[0].labels: two columns would get the same label: Förnamn",
        ),
    ],
)
def test_errors_name_the_file_the_key_and_the_problem(tmp_path: Path, body: str, expected: str) -> None:
    message = error_of(tmp_path, body)
    assert message.startswith(str(tmp_path / "insyn.toml") + ": ")
    assert expected in message


def test_password_in_a_url_points_to_the_keyring(tmp_path: Path) -> None:
    message = error_of(tmp_path, """
        [[sources]]
        id = "crm"
        name = "CRM"
        kind = "sql"
        url = "postgresql+psycopg://insyn:hemligt@db/crm"
        [[sources.queries]]
        title = "Kund"
        sql = "SELECT * FROM kund WHERE personnr = :personnummer"
    """)  # fmt: skip
    assert "insyn secrets set" in message
    assert "hemligt" not in message


@pytest.mark.parametrize("key", ["password", "api_token", "apikey", "client_secret"])
def test_secret_keys_anywhere_are_refused(tmp_path: Path, key: str) -> None:
    message = error_of(tmp_path, f"""
        [[sources]]
        id = "api"
        name = "API"
        kind = "rest"
        {key} = "s3cr3t"
        [[sources.endpoints]]
        title = "Kund"
        url = "https://api.example.com/{{email}}"
    """)  # fmt: skip
    assert f"sources[0].{key}" in message and "keyring" in message
    assert "s3cr3t" not in message


def test_bad_org_number_missing_file_and_broken_toml(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(HEAD.replace("556677-8899", "556677-8898"), encoding="utf-8")
    with pytest.raises(ConfigError, match="organisation.org_number: not a valid Swedish"):
        load_config(path)
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(tmp_path / "missing.toml")
    path.write_text("[organisation\nname = 1", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(path)


def test_the_reference_documents_every_key() -> None:
    from desktop.config import Policy, SqlQuery, reference_markdown

    text = reference_markdown()
    for name in list(Policy.model_fields) + list(SqlQuery.model_fields):
        assert f"| `{name}` |" in text
    assert "| `org_number` | required |" in text


def test_register_url_may_not_hold_a_password(tmp_path: Path) -> None:
    message = error_of(tmp_path, '[register]\nurl = "postgresql+psycopg://insyn:hemligt@db/insyn"\n')
    assert "register.url" in message and "insyn secrets set register" in message and "hemligt" not in message


ART15_SOURCE = """
[[sources]]
id = "crm"
name = "Kundregister"
kind = "sql"
url = "sqlite:///x.db"
{facts}
  [[sources.queries]]
  title = "Kund"
  sql = "SELECT namn FROM kund WHERE personnr = :personnummer"
{query_facts}
"""
ALL_FACTS = {
    "purpose": 'purpose = "Avtal"',
    "legal_basis": 'legal_basis = "Avtal (art. 6.1 b)"',
    "categories": 'categories = ["Namn"]',
    "recipients": "recipients = []",
    "retention": 'retention = "Under avtalstiden"',
    "origin": 'origin = "visitor"',
    "transfers": "transfers = []",
    "automated_decisions": "automated_decisions = false",
}


@pytest.mark.parametrize("fact", list(ALL_FACTS))
def test_every_art15_fact_is_required_and_named_with_its_key_path(tmp_path: Path, fact: str) -> None:
    facts = "\n".join(line for key, line in ALL_FACTS.items() if key != fact)
    message = error_of(tmp_path, ART15_SOURCE.format(facts=facts, query_facts=""))
    assert f"sources[0] (crm).queries[0] (Kund): no {fact}" in message
    # Said on the query instead of the source, it is complete.
    load_config(write(tmp_path, ART15_SOURCE.format(facts=facts, query_facts="  " + ALL_FACTS[fact])))


def test_a_category_describing_profiling_contradicts_a_source_saying_none(tmp_path: Path) -> None:
    facts = "\n".join(ALL_FACTS.values())
    body = ART15_SOURCE.format(facts=facts, query_facts='  automated_decisions = "Vi profilerar dig"')
    assert "queries[0] (Kund).automated_decisions: describes automated decisions while the source says" in (
        error_of(tmp_path, body)
    )
    conditional = (
        '    [[sources.queries.facts_when]]\n    when = { namn = ["x"] }\n    automated_decisions = "Profilering"'
    )
    assert "describes automated decisions" in error_of(
        tmp_path, ART15_SOURCE.format(facts=facts, query_facts=conditional)
    )


def test_a_transfer_names_its_ground(tmp_path: Path) -> None:
    facts = "\n".join(v for k, v in ALL_FACTS.items() if k != "transfers")
    transfer = '  [[sources.transfers]]\n  country = "USA"\n  recipient = "X Inc."\n'
    message = error_of(tmp_path, ART15_SOURCE.format(facts=facts + "\n" + transfer, query_facts=""))
    assert "either adequacy_decision (Art. 45) or safeguard (Art. 46)" in message


def test_config_check_lists_the_english_that_is_missing(tmp_path: Path) -> None:
    import subprocess
    import sys

    facts = "\n".join(ALL_FACTS.values()) + '\nen.purpose = "Contract"'
    path = write(tmp_path, ART15_SOURCE.format(facts=facts, query_facts=""))
    checked = subprocess.run([sys.executable, "-m", "desktop", "config", "check", str(path)],
                             capture_output=True, text=True)  # fmt: skip
    out = checked.stdout
    assert "English missing for" in out
    for path_ in ("organisation.en.name", "sources[0] (crm).en.name", "sources[0] (crm).en.legal_basis",
                  "sources[0] (crm).queries[0] (Kund).en.title"):  # fmt: skip
        assert path_ in out, path_
    assert "(crm).en.purpose" not in out and "en.origin" not in out  # given, or "visitor"
