"""Gathered data as JSON: the shape shared by `case gather --json` and the machine-readable copy."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.extract import GatherResult, Record
from desktop.report.package import json_value


def gather_document(
    result: GatherResult, *, included_only: bool = False, record_key: Callable[[Record], str] | None = None
) -> dict[str, Any]:
    """The data per system and category. With `record_key` (staff's copy, never the visitor's),
    each record carries the key a decisions file names it by (`case review --decisions`)."""
    sources = []
    for source in result.sources.values():
        categories = []
        for title, records in source.categories().items():
            rows = [
                {
                    **({"record": record_key(record)} if record_key is not None else {}),
                    "match": record.strength.value,
                    "confirmed": record.confirmed,
                    **({"excluded": True} if record.excluded and record_key is not None else {}),
                    **({"masked": sorted(record.redacted)} if record.redacted and record_key is not None else {}),
                    "fields": {k: json_value(v) for k, v in record.visible_fields().items()},
                }
                for record in records
                if record.included or not included_only
            ]
            categories.append({"title": title, "records": rows})
        sources.append(
            {
                "id": source.source_id,
                "name": source.name,
                "status": source.status.value,
                "message": source.message or None,
                "record_count": source.record_count,
                "categories": categories,
            }
        )
    return {"sources": sources, "cancelled": result.cancelled}


def write_gather_json(
    result: GatherResult,
    path: str | Path,
    *,
    overwrite: bool = False,
    record_key: Callable[[Record], str] | None = None,
) -> None:
    """Through the one private writer (0600, atomic, no links, never over the desk's own files):
    the file holds a person's data."""
    from desktop.services.files import write_private

    data = json.dumps(gather_document(result, record_key=record_key), ensure_ascii=False, indent=2)
    write_private(path, data.encode("utf-8"), overwrite=overwrite)
