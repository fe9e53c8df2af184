import pytest

from desktop.ui import deliver_view


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _no_print_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real print dialog would wait for a click that never comes: a test that reaches one
    without replacing `ask_printer` fails instead of hanging."""

    def refuse(_parent: object) -> None:
        raise AssertionError("a print dialog would open in a test; replace DeliverView.ask_printer")

    monkeypatch.setattr(deliver_view, "ask_printer", refuse)


@pytest.fixture(autouse=True)
def _possible_matches_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """The question about undecided possible matches is a modal box: tests answer "leave them out"
    unless they replace it themselves."""
    from desktop.ui.case_page import CasePage

    monkeypatch.setattr(CasePage, "ask_leave_out_weak", lambda _self, _count: True)
