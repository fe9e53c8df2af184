"""The desk's local time zone: deadlines run in Swedish dates (Regulation 1182/71 counts days)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LOCAL_ZONE = ZoneInfo("Europe/Stockholm")


def local_date(when: datetime | None = None) -> date:
    """The date in Stockholm at `when` (now if not given), whatever the machine's own zone is:
    a visit at 00:30 on 1 March Swedish time was received on 1 March, also on a UTC server."""
    return (when or datetime.now(UTC)).astimezone(LOCAL_ZONE).date()
