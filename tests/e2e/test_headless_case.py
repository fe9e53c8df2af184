"""The headless path a script or IT uses: demo world, open a case, gather, as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.register import audit
from desktop.register.db import open_register
from desktop.register.models import Case, GatherRun

DISK1 = "demo-disk1\n"  # the demo accounts' documented passwords, one line each on stdin
GRANSKARE = "demo-granskare\n"


def insyn(*args: str, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True, text=True, timeout=120, input=stdin, env={**os.environ, **(env or {})},
    )  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    folder = tmp_path_factory.mktemp("demo")
    result = insyn("demo", "create", str(folder), "--people", "300", "--seed", "7")
    assert result.returncode == 0, result.stderr
    examples = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")]
    assert len(examples) == 3
    return folder / "insyn-demo.toml", examples


def test_config_check_on_the_demo(demo: tuple[Path, list[str]]) -> None:
    config, _ = demo
    result = insyn("config", "check", str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kundregister: ok" in result.stdout and "rekrytering: ok (manual" in result.stdout


def test_config_check_reports_each_failing_source(demo: tuple[Path, list[str]], tmp_path: Path) -> None:
    config, _ = demo
    broken = tmp_path / "broken.toml"
    text = config.read_text(encoding="utf-8").replace("kundregister.sqlite", "saknas.sqlite")
    broken.write_text(
        text.replace('path = "imbox-chatt.csv"', f'path = "{config.parent}/imbox-chatt.csv"'),
        encoding="utf-8",
    )
    result = insyn("config", "check", str(broken))
    assert result.returncode == 1
    assert "kundregister: FAILED: the database file does not exist" in result.stdout
    assert "chatt: ok" in result.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text("[organisation]\nname = 'x'\n", encoding="utf-8")
    result = insyn("config", "check", str(bad))
    assert result.returncode == 2
    assert "organisation.org_number: Field required" in result.stderr


def test_open_and_gather_a_case(demo: tuple[Path, list[str]], tmp_path: Path) -> None:
    config, examples = demo
    opened = insyn("case", "open", "--config", str(config), "--personnummer", examples[0],
                   "--name", "Åsa Öberg", "--document", "passport:SE:ab123456:2031-05-31",
                   "--request", "access", "--request", "objection-marketing", "--staff", "disk1", stdin=DISK1)  # fmt: skip
    assert opened.returncode == 0, opened.stderr
    number = opened.stdout.strip()
    assert len(number) == 10 and number[4] == "-"
    out = tmp_path / "gathered.json"
    gathered = insyn("case", "gather", "--config", str(config), number, "--staff", "disk1", "--json", str(out),
                     stdin=DISK1)  # fmt: skip
    assert gathered.returncode == 0, gathered.stderr
    lines = gathered.stdout.splitlines()
    assert lines[0].startswith("kundregister: ok, ") and int(lines[0].split()[2]) > 8760
    assert any(line.startswith("chatt: ok") for line in lines)
    assert any(line.startswith("rekrytering: manual: Fråga HR") for line in lines)
    document = json.loads(out.read_text(encoding="utf-8"))
    assert {s["id"] for s in document["sources"]} >= {"kundregister", "chatt", "marknad"}
    assert oct(out.stat().st_mode)[-3:] == "600"

    register = open_register(f"sqlite:///{config.parent / 'register.sqlite'}")
    with register.sessions() as session:
        case = session.execute(select(Case).where(Case.number == number)).scalar_one()
        assert case.status == "review"
        # Two gathers: one at registration to carry out the marketing stop, then this one.
        runs = session.execute(select(GatherRun).where(GatherRun.case_id == case.id).order_by(GatherRun.id)).scalars()
        *_at_registration, run = list(runs)
        assert _at_registration
        outcomes = {r.source_id: (r.outcome, r.record_count) for r in run.results}
        assert outcomes["kundregister"][0] == "ok" and outcomes["rekrytering"] == ("manual", 0)
        assert audit.verify_chain(session).intact
    register.dispose()


@pytest.mark.parametrize(
    ("personnummer", "document", "message"),
    [
        ("19420120-5831", "passport:SE:1234:2031-01-01", "personnummer: the check digit is wrong"),
        (None, "passport:SE:1234:2020-01-01", "document: the document has expired"),
        (
            None,
            "passport:NO:1234:2031-01-01",
            "document: a Swedish document must be issued in Sweden",
        ),
        (None, "passport:SE:1234", "--document must be TYPE:COUNTRY:LAST4:EXPIRY"),
    ],
)
def test_bad_input_is_refused_with_one_clear_line(
    demo: tuple[Path, list[str]], personnummer: str | None, document: str, message: str
) -> None:
    config, examples = demo
    number = personnummer or examples[1]
    result = insyn("case", "open", "--config", str(config), "--personnummer", number,
                   "--name", "Nguyễn Thị Minh", "--document", document, "--request", "access",
                   "--staff", "disk1", stdin=DISK1)  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == f"insyn: error: {message}" or message in result.stderr
    assert number.replace("-", "")[2:] not in result.stderr
    assert "Traceback" not in result.stderr


def test_other_requests_need_their_details_and_their_outcome_reaches_the_extract(
    demo: tuple[Path, list[str]], tmp_path: Path
) -> None:
    import pypdf

    config, examples = demo
    base = ["case", "open", "--config", str(config), "--personnummer", examples[2], "--name", "Łukasz Żółć",
            "--document", "foreign-passport:PL:1234:2031-01-01", "--request", "rectification",
            "--request", "objection-marketing", "--staff", "disk1"]  # fmt: skip
    refused = insyn(*base, stdin=DISK1)
    assert refused.returncode == 2
    assert (
        refused.stderr.strip() == "insyn: error: request.rectification: say what the visitor asks for (rectification)"
    )
    opened = insyn(*base, "--details", "rectification=Adressen ska vara Storgatan 5", stdin=DISK1)
    assert opened.returncode == 0, opened.stderr
    number = opened.stdout.strip()
    done = insyn("case", "outcome", number, "--config", str(config), "--request", "rectification",
                 "--text", "Rättad i kundregistret", "--staff", "disk1", stdin=DISK1)  # fmt: skip
    assert done.returncode == 0, done.stderr
    pdf = tmp_path / "utdrag.pdf"
    extract = insyn("case", "extract", number, "--config", str(config), "--out", str(pdf),
                    "--staff", "disk1", "--approved-by", "granskare", stdin=DISK1 + GRANSKARE)  # fmt: skip
    assert extract.returncode == 0, extract.stderr
    first = " ".join(pypdf.PdfReader(pdf).pages[0].extract_text().split())
    assert "Du bad om Adressen ska vara Storgatan 5 Vad vi har gjort Rättad i kundregistret" in first
    # In force from the day received (Art. 21.3): the extract says so, no answer to wait for.
    assert (
        "Invändning mot direktmarknadsföring (artikel 21) Vad vi har gjort Vi har registrerat att du inte vill ha "
        "direktmarknadsföring från och med" in first
    )


def test_unknown_staff_and_case(demo: tuple[Path, list[str]]) -> None:
    config, examples = demo
    result = insyn("case", "gather", "--config", str(config), "2026-99999", "--staff", "disk1", stdin=DISK1)
    assert result.returncode == 2 and "there is no case 2026-99999" in result.stderr
    result = insyn("case", "open", "--config", str(config), "--personnummer", examples[2], "--name", "Łukasz Żółć",
                   "--document", "foreign-passport:PL:1234:2031-01-01", "--request", "access", "--staff", "nobody",
                   stdin="whatever-it-is\n")  # fmt: skip
    assert result.returncode == 2 and "wrong user name or password" in result.stderr


def test_secrets_without_a_keyring_backend_explain_the_situation() -> None:
    result = insyn("secrets", "set", "kundregister", stdin="hemligt\n",
                   env={"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})  # fmt: skip
    assert result.returncode == 2
    assert "no keyring is available on this machine" in result.stderr
    assert "hemligt" not in result.stderr + result.stdout


def test_extract_delivers_a_pdf_and_leaves_nothing_behind(demo: tuple[Path, list[str]], tmp_path: Path) -> None:
    import hashlib
    import zipfile

    import pypdf

    from desktop.register.models import Delivery

    config, examples = demo
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {"TMPDIR": str(scratch)}
    receipt = tmp_path / "kvitto.pdf"
    opened = insyn("case", "open", "--config", str(config), "--personnummer", examples[2], "--name", "Łukasz Żółć",
                   "--document", "foreign-passport:PL:PA123456:2031-01-01", "--request", "access",
                   "--request", "portability", "--staff", "disk1", "--receipt", str(receipt),
                   "--alongside", "separate-errand", env=env, stdin=DISK1)  # fmt: skip
    assert opened.returncode == 0, opened.stderr  # (an earlier test of this module left this visitor a case)
    number = opened.stdout.strip()
    assert "Kvitto på din begäran" in pypdf.PdfReader(receipt).pages[0].extract_text()

    out, package = tmp_path / "utdrag.pdf", tmp_path / "utdrag.zip"
    refused = insyn(
        "case",
        "extract",
        "--config",
        str(config),
        number,
        "--out",
        str(out),
        "--staff",
        "disk1",
        env=env,
        stdin=DISK1,
    )
    assert refused.returncode == 2 and "requires a second person" in refused.stderr
    assert not out.exists()
    same = insyn("case", "extract", "--config", str(config), number, "--out", str(out), "--staff", "granskare",
                 "--approved-by", "granskare", env=env, stdin=GRANSKARE + GRANSKARE)  # fmt: skip
    assert same.returncode == 2 and "another person" in same.stderr

    done = insyn("case", "extract", "--config", str(config), number, "--out", str(out), "--zip", str(package),
                 "--staff", "disk1", "--approved-by", "granskare", env=env, stdin=DISK1 + GRANSKARE)  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    reader = pypdf.PdfReader(out)
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Łukasz Żółć" in text and "Installationer" in text
    assert oct(out.stat().st_mode)[-3:] == "600"
    with zipfile.ZipFile(package) as zf:
        assert "manifest.json" in zf.namelist()
    assert list(scratch.iterdir()) == []  # no temporary files, ever

    register = open_register(f"sqlite:///{config.parent / 'register.sqlite'}")
    with register.sessions() as session:
        case = session.execute(select(Case).where(Case.number == number)).scalar_one()
        assert case.status == "delivered"
        delivery = session.execute(select(Delivery).where(Delivery.case_id == case.id)).scalar_one()
        assert delivery.sha256 == hashlib.sha256(data).hexdigest()
        assert delivery.page_count == len(reader.pages)
        assert audit.verify_chain(session).intact
    register.dispose()
    # The register holds no copy of the data: the extract's rows are not in the file.
    assert "I0000002" in text  # the installation number, printed in the extract
    for file in config.parent.glob("register.sqlite*"):
        assert b"I0000002" not in file.read_bytes()


def test_the_window_starts_and_loads_the_desk_behind_the_sign_in(demo: tuple[Path, list[str]], tmp_path: Path) -> None:
    env = {"INSYN_EXIT_WHEN_READY": "1", "QT_QPA_PLATFORM": "offscreen"}
    started = insyn("--config", str(demo[0]), env=env)
    assert started.returncode == 0, started.stderr
    assert started.stdout.splitlines() == ["ready", "loaded", "renderer: child process"]
    broken = tmp_path / "broken.toml"
    broken.write_text("[organisation]\n", encoding="utf-8")
    failed = insyn("--config", str(broken), env=env)
    assert failed.returncode == 2
    assert "failed:" in failed.stdout and "organisation.name: Field required" in failed.stdout


def test_audit_verify_uses_the_configured_register(demo: tuple[Path, list[str]]) -> None:
    result = insyn("--config", str(demo[0]), "audit", "verify")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.split(":")[1].split()[0]) > 3  # the demo's staff and cases were audited
