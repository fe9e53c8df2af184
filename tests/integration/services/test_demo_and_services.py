from __future__ import annotations

import hashlib
import io
import sqlite3
from datetime import date
from pathlib import Path

import keyring
import pytest

from desktop.cli import main
from desktop.core.identity import parse_personnummer
from desktop.core.requests import RequestType
from desktop.errors import UserError
from desktop.services.cases import InputProblem, PersonInput, open_case
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.gathering import CaseGather, record_manual_outcome


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_demo_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    a = create_demo(tmp_path / "a", people=400, seed=3)
    b = create_demo(tmp_path / "b", people=400, seed=3)
    c = create_demo(tmp_path / "c", people=400, seed=4)
    assert a.examples == b.examples != c.examples
    assert _digest(tmp_path / "a/imbox-chatt.csv") == _digest(tmp_path / "b/imbox-chatt.csv")
    dump = [list(sqlite3.connect(tmp_path / f"{x}/kundregister.sqlite").iterdump()) for x in "ab"]
    assert dump[0] == dump[1]
    for example in a.examples:  # valid numbers, never birth number 000
        parse_personnummer(example.personnummer)
    raw = (tmp_path / "a/imbox-chatt.csv").read_bytes()
    raw.decode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # a real Windows-1252 export, å and ö included


def person(personnummer: str, name: str, **overrides: object) -> PersonInput:
    fields = dict(personnummer=personnummer, name=name, document_type="national-id",
                  document_country="SE", document_number="HJ4455667", document_expiry=date(2031, 1, 1))  # fmt: skip
    fields.update(overrides)
    return PersonInput(**fields)  # type: ignore[arg-type]


def test_open_gather_and_manual_outcome_through_the_services(tmp_path: Path) -> None:
    summary = create_demo(tmp_path, people=200, seed=2)
    example = summary.examples[0]
    with open_desk(summary.config_path) as desk:
        with pytest.raises(InputProblem) as problem:
            open_case(
                desk,
                person("811318-9876", example.name),
                [(RequestType.ACCESS, None)],
                staff_username="disk1",
            )
        assert problem.value.field == "personnummer" and problem.value.code == "date"
        opened = open_case(desk, person(example.personnummer, example.name), [(RequestType.ACCESS, None)],
                           staff_username="disk1")  # fmt: skip
        seen: list[str] = []
        gather = CaseGather(desk, opened.number, staff_username="disk1", progress=lambda r: seen.append(r.source_id))
        result = gather.run()
        assert result.sources["kundregister"].record_count > 8760
        assert "chatt" in seen
        failed_again = CaseGather(desk, opened.number, staff_username="disk1", only=["chatt"], previous=result).run()
        assert set(failed_again.sources) == set(result.sources)  # a retry keeps the others' data
        record_manual_outcome(desk, opened.number, "rekrytering", found=True,
                              note="En ansökan till tjänsten som drifttekniker, mars 2025.", staff_username="disk1")  # fmt: skip
        with pytest.raises(UserError):
            record_manual_outcome(desk, opened.number, "kundregister", found=False, note="", staff_username="disk1")


def test_secrets_set_reads_stdin_into_the_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    assert main(["secrets", "set", "kundregister"]) == 0
    assert keyring.get_password("insyn", "kundregister") == "s3cret"
