"""The CSV key index, fuzzed: whatever the rows hold, a search by a key returns exactly the rows
whose key cell matches it, whole and unmerged, and nothing else."""

from __future__ import annotations

import csv
import io
import tempfile
import threading
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.sources.base import Step, match_key
from desktop.sources.files import FileConnector
from tests.integration.sources.helpers import make_config

EMAILS = ["anna@example.com", "ANNA@example.com", "bo@example.com", "cilla@example.se", "dan@x.se"]
cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
rows = st.lists(st.tuples(st.sampled_from([*EMAILS, ""]), cell_text, cell_text), min_size=1, max_size=40)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(rows=rows, delimiter=st.sampled_from([";", ",", "\t"]), encoding=st.sampled_from(["utf-8", "utf-8-sig"]))
def test_a_search_returns_exactly_the_rows_of_that_key(
    rows: list[tuple[str, str, str]], delimiter: str, encoding: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.csv"
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(["E-post", "Namn", "Meddelande"])
        writer.writerows(rows)
        path.write_bytes(buffer.getvalue().encode(encoding))
        config = make_config(Path(folder), [{"id": "export", "name": "Export", "kind": "file", "path": str(path),
                                             "title": "Rader", "delimiter": delimiter,
                                             "key_columns": {"email": "E-post"}}])  # fmt: skip
        connector = FileConnector(config.source("export"), max_rows=1000)  # type: ignore[arg-type]
        step = Step(index=0, title="Rader", parameters=("email",), yields={}, labels={})
        for email in set(EMAILS):
            found = connector.run(step, {"email": email}, threading.Event()).rows
            expected = [r for r in rows if match_key("email", r[0]) == match_key("email", email)]
            got = [(r["E-post"] or "", r["Namn"] or "", r["Meddelande"] or "") for r in found]
            normal = [(e, n if n.strip() else "", m if m.strip() else "") for e, n, m in expected]
            assert [g[0] for g in got] == [e[0] for e in normal]
            assert [(g[1].strip(), g[2].strip()) for g in got] == [(n.strip(), m.strip()) for _e, n, m in normal]
