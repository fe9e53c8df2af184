"""The desk's local time zone: deadlines run in Swedish dates (Regulation 1182/71 counts days)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

LOCAL_ZONE = ZoneInfo("Europe/Stockholm")
