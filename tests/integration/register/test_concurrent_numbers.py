"""Two desks (processes) opening cases at the same time against one PostgreSQL register."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import func, select

from desktop.register import audit
from desktop.register.db import open_register
from desktop.register.models import Case
from desktop.register.repository import add_staff

WORKER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from desktop.core.requests import RequestType
    from desktop.register.db import open_register
    from desktop.register.repository import create_case, staff_by_username
    from tests.conftest import make_check

    register = open_register(sys.argv[1])
    sys.stdout.write("ready\\n"); sys.stdout.flush()
    sys.stdin.readline()  # both start together
    numbers = []
    for _ in range(int(sys.argv[2])):
        with register.sessions.begin() as session:
            staff = staff_by_username(session, sys.argv[3])
            case = create_case(session, subject=make_check(), requests=[(RequestType.ACCESS, None)],
                               staff=staff, received_at=datetime(2026, 11, 23, 9, tzinfo=UTC))
            numbers.append(case.number)
    print("\\n".join(numbers))
    """
)


@pytest.mark.postgres
@pytest.mark.slow
def test_two_processes_get_400_distinct_numbers(postgres_url: str) -> None:
    _run_two_desks(postgres_url)


def test_two_processes_on_one_sqlite_file(sqlite_url: str) -> None:
    _run_two_desks(sqlite_url, per_desk=50)


def _run_two_desks(url: str, per_desk: int = 200) -> None:
    register = open_register(url)
    with register.sessions.begin() as session:
        add_staff(session, "desk1", "Desk One", ["reception"])
        add_staff(session, "desk2", "Desk Two", ["reception"])
    desks = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, str(per_desk), f"desk{i}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in (1, 2)
    ]
    for desk in desks:
        assert desk.stdout is not None and desk.stdout.readline().strip() == "ready"
    for desk in desks:
        assert desk.stdin is not None
        desk.stdin.write("go\n")
        desk.stdin.flush()
    outputs = []
    for desk in desks:
        out, err = desk.communicate(timeout=300)
        assert desk.returncode == 0, err
        outputs.append(out.split())
    numbers = outputs[0] + outputs[1]
    assert len(numbers) == 2 * per_desk
    assert len(set(numbers)) == 2 * per_desk
    assert sorted(numbers) == [f"2026-{n:05d}" for n in range(1, 2 * per_desk + 1)]
    with register.sessions() as session:
        assert session.execute(select(func.count(Case.id))).scalar_one() == 2 * per_desk
        report = audit.verify_chain(session)
        assert report.intact and report.events == 2 + 2 * 2 * per_desk
    register.dispose()
