"""Small worlds for source tests: real SQLite files, CSV and XLSX exports, configs around them."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from desktop.config import Config, parse_config

ORGANISATION = {
    "name": "Testbolaget AB",
    "org_number": "556677-8899",
    "visiting_address": "Gatan 1, 123 45 Staden",
    "privacy_contact": "dataskydd@example.com",
}
ANNA = "19811218-9876"
BERTIL = "19640823-3234"


# Every Art. 15 fact a configuration must state; tests about sources give them all at once.
FACTS: dict[str, Any] = {
    "purpose": "Kundtjänst",
    "legal_basis": "Avtal (art. 6.1 b)",
    "categories": ["Kontaktuppgifter"],
    "recipients": [],
    "retention": "Under avtalstiden",
    "origin": "visitor",
    "transfers": [],
    "automated_decisions": False,
}


FACTS_TOML = """\
purpose = "Kundtjänst"
legal_basis = "Avtal (art. 6.1 b)"
categories = ["Kontaktuppgifter"]
recipients = []
retention = "Under avtalstiden"
origin = "visitor"
transfers = []
automated_decisions = false
"""


def with_facts(source: dict[str, Any]) -> dict[str, Any]:
    """`source` with the Art. 15 facts it does not state itself."""
    return {**FACTS, **source}


def make_config(tmp_path: Path, sources: list[dict[str, Any]], **policy: Any) -> Config:
    raw = {"organisation": ORGANISATION, "policy": policy, "sources": [with_facts(s) for s in sources]}
    return parse_config(raw, folder=tmp_path)


def crm_database(path: Path, customers: list[tuple[str, str, str, str]]) -> None:
    """customers: (kundnr, personnr, namn, epost)."""
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE kund (kundnr TEXT, personnr TEXT, namn TEXT, epost TEXT)")
        db.execute("CREATE TABLE faktura (kundnr TEXT, fakturanr INTEGER, belopp TEXT)")
        db.execute("CREATE TABLE nyhetsbrev (epost TEXT, lista TEXT)")
        for number, pin, name, email in customers:
            db.execute("INSERT INTO kund VALUES (?,?,?,?)", (number, pin, name, email))
            for n in range(3):
                db.execute(
                    "INSERT INTO faktura VALUES (?,?,?)",
                    (number, hash((number, n)) % 10**6, "100.00"),
                )
            db.execute("INSERT INTO nyhetsbrev VALUES (?, 'Energitips')", (email,))
    db.close()


def crm_source(url: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": "crm",
        "name": "Kundregister",
        "kind": "sql",
        "url": url,
        "purpose": "Avtal",
        "queries": [
            {
                "title": "Kunduppgifter",
                "sql": "SELECT kundnr, namn, epost FROM kund WHERE personnr = :personnummer",
                "yields": {"customer_number": "kundnr", "email": "epost"},
            },
            {
                "title": "Fakturor",
                "sql": "SELECT fakturanr, belopp FROM faktura WHERE kundnr = :customer_number",
            },
        ],
        **extra,
    }


def newsletter_source(url: str) -> dict[str, Any]:
    return {
        "id": "news",
        "name": "Nyhetsbrev",
        "kind": "sql",
        "url": url,
        "queries": [
            {
                "title": "Prenumerationer",
                "sql": "SELECT epost, lista FROM nyhetsbrev WHERE epost = :email",
            }
        ],
    }
