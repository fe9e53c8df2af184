"""Review decisions belong to the case (issue 20): confirmations, exclusions, masks and possible
matches left out are kept in the register by the record's fingerprint (never its values) and
come back when the case is gathered again by anyone; one whose record changed in the system is
counted as no longer applying, never put on another record."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.core.extract import Strength
from desktop.core.requests import RequestType
from desktop.register.models import ReviewDecision
from desktop.services.cases import PersonInput, open_case
from desktop.services.demo import create_demo
from desktop.services.desk import open_desk
from desktop.services.review import RecordState, ReviewReason
from desktop.services.staff import sign_in
from desktop.services.visit import Visit
from tests.integration.services.helpers import cli, copy_org


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_demo(tmp_path_factory.mktemp("decisions"), people=40, seed=6).config_path


@pytest.fixture
def config(world: Path, tmp_path: Path) -> Path:
    return copy_org(world, tmp_path)


def _first_person(config: Path) -> PersonInput:
    with sqlite3.connect(config.parent / "kundregister.sqlite") as db:
        pin, name = db.execute("SELECT personnr, fornamn || ' ' || efternamn FROM kund ORDER BY kundnr").fetchone()
    return PersonInput(pin, name, "passport", "SE", "AB1234", date.today() + timedelta(days=400))


def _decide(visit: Visit) -> dict[str, object]:
    """A reviewer's work: confirm one possible match, leave out another, exclude a strong record
    as someone else's and mask a field of another. Returns what to look for afterwards."""
    assert visit.result is not None
    records = [r for s in visit.result.sources.values() for r in s.records]
    weak = [r for r in records if r.strength is Strength.WEAK]
    strong = [r for r in records if r.strength is Strength.STRONG and r.fields]
    assert len(weak) >= 2 and len(strong) >= 2, "the demo's first person has possible and certain matches"
    visit.confirm(weak[0])
    visit.exclude(strong[0], ReviewReason.OTHER_PERSON)
    field = next(iter(strong[1].fields))
    visit.redact(strong[1], field, ReviewReason.OTHER_PERSON)
    visit.leave_out_weak()
    return {"decisions": visit.decisions(), "counts": visit.counts(), "field": field}


def test_the_approver_gathering_again_sees_every_decision(config: Path) -> None:
    with open_desk(config) as desk:
        number = open_case(desk, _first_person(config), [(RequestType.ACCESS, None)], staff_username="disk1").number
        reviewer = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
        reviewer.gather()
        before = _decide(reviewer)
        reviewer.drop()  # F5, a user switch, another desk: the gathered data is gone …
        approver = Visit(desk, number, sign_in(desk, "granskare", "demo-granskare"))
        approver.gather()  # … and comes back with its decisions
        assert approver.decisions() == before["decisions"]
        assert approver.counts() == before["counts"]
        assert approver.undecided_weak() == 0 and approver.review is not None and approver.review.unmatched == []
        with desk.register.sessions() as session:
            kept = session.execute(select(ReviewDecision)).scalars().all()
        values = {str(v) for s in approver.result.sources.values() for r in s.records for v in r.fields.values()}  # type: ignore[union-attr]
        assert not any(d.fingerprint in values or d.field in values - {before["field"]} for d in kept)
        # Taking a decision back is kept too.
        masked = next(r for s in approver.result.sources.values() for r in s.records if r.redacted)  # type: ignore[union-attr]
        approver.redact(masked, str(before["field"]), ReviewReason.OTHER_PERSON, redacted=False)
        third = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
        third.gather()
        assert not any(r.redacted for s in third.result.sources.values() for r in s.records)  # type: ignore[union-attr]
        excluded = [r for s in third.result.sources.values() for r in s.records if r.excluded]  # type: ignore[union-attr]
        assert len(excluded) == 1 and third.state_of(excluded[0]) == (RecordState.EXCLUDED, ReviewReason.OTHER_PERSON)


def test_a_decision_on_a_record_that_changed_is_said_not_applied(config: Path) -> None:
    with open_desk(config) as desk:
        number = open_case(desk, _first_person(config), [(RequestType.ACCESS, None)], staff_username="disk1").number
        visit = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
        visit.gather()
        assert visit.result is not None
        chat = visit.result.sources["chatt"].records
        assert chat, "the demo's first person has chat messages"
        visit.exclude(chat[0], ReviewReason.OTHER_PERSON)
        visit.drop()
    # The chat system changed that message meanwhile.
    path = config.parent / "imbox-chatt.csv"
    with path.open(encoding="cp1252", newline="") as file:  # as the chat system exports it
        dialect = csv.Sniffer().sniff(file.read(4096))
        file.seek(0)
        rows = list(csv.reader(file, dialect))
    text_column = max(range(len(rows[0])), key=lambda c: sum(len(r[c]) for r in rows[1:]))
    first_value = chat[0].fields
    for row in rows[1:]:
        if any(str(v) == cell for v in first_value.values() for cell in row if cell):
            row[text_column] = row[text_column] + " (ändrat)"
    with path.open("w", encoding="cp1252", newline="") as file:
        csv.writer(file, dialect).writerows(rows)
    with open_desk(config) as desk:
        again = Visit(desk, number, sign_in(desk, "disk1", "demo-disk1"))
        again.gather()
        assert again.review is not None
        assert [(u.source_id, u.kind, u.count) for u in again.review.unmatched] == [("chatt", "excluded", 1)]
        assert not any(r.excluded for s in again.result.sources.values() for r in s.records)  # type: ignore[union-attr]
    code, _out, err = cli("case", "gather", number, "--config", str(config), "--staff", "disk1", stdin="demo-disk1\n")
    assert code == 0, err
    assert "1 earlier decision no longer applies" in err
