"""Gathered data as JSON: the shape shared by `case gather --json` and the machine-readable copy."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from desktop.core.extract import GatherResult
from desktop.report.package import json_value


def gather_document(result: GatherResult, *, included_only: bool = False) -> dict[str, Any]:
    sources = []
    for source in result.sources.values():
        categories = []
        for title, records in source.categories().items():
            rows = [
                {
                    "match": record.strength.value,
                    "confirmed": record.confirmed,
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


def write_gather_json(result: GatherResult, path: str | Path) -> None:
    """Write with permissions for the owner only: the file holds a person's data."""
    target = Path(path)
    data = json.dumps(gather_document(result), ensure_ascii=False, indent=2)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(data)
