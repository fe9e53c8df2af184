"""The demo organisation: a fictitious municipal energy company with a heat-pump business.

Modelled on the two privacy policies in the seeds: a customer register with contracts,
installations, invoices and hourly meter readings (CGI); a marketing database with newsletters
and consents (Optimizely, with a transfer to the USA under the Data Privacy Framework); chat
transcripts exported from Imbox as a Windows-1252 CSV; bookings of site visits as XLSX; heat-pump
installations with property designation, borehole coordinates and ROT; and job applications as a
manual source. Every person, address, e-mail and phone number is invented; the same seed gives
the same world. Phone numbers come from the series PTS reserves for fiction (070-174 06 05–99),
e-mail addresses use the reserved example domains.
"""

from __future__ import annotations

import csv
import random
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib import resources
from pathlib import Path

from stdnum import luhn

FIRST_NAMES = [
    "Anna",
    "Eva",
    "Maria",
    "Karin",
    "Sara",
    "Lena",
    "Kerstin",
    "Emma",
    "Ingrid",
    "Malin",
    "Linnea",
    "Elin",
    "Ida",
    "Julia",
    "Hanna",
    "Åsa",
    "Märta",
    "Ebba",
    "Saga",
    "Wilma",
    "Astrid",
    "Signe",
    "Elsa",
    "Maja",
    "Alva",
    "Agnes",
    "Erik",
    "Lars",
    "Karl",
    "Anders",
    "Johan",
    "Per",
    "Nils",
    "Mikael",
    "Jan",
    "Hans",
    "Peter",
    "Olof",
    "Lennart",
    "Gunnar",
    "Sven",
    "Björn",
    "Åke",
    "Göran",
    "Oskar",
    "Lucas",
    "Liam",
    "William",
    "Hugo",
    "Elias",
    "Noah",
    "Adam",
    "Leo",
    "Ali",
    "Mohammed",
    "Ahmed",
    "Fatima",
    "Amira",
    "Yusuf",
    "Jonas",
    "André",
    "Zoë",
    "Chloé",
    "Renée",
    "José",
    "Søren",
    "Jürgen",
    "Mikaela",
    "Ella",
    "Vera",
    "Tove",
    "Tuva",
    "Ronja",
    "Selma",
]
LAST_NAMES = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
    "Pettersson",
    "Jonsson",
    "Jansson",
    "Hansson",
    "Bengtsson",
    "Jönsson",
    "Lindberg",
    "Jakobsson",
    "Magnusson",
    "Olofsson",
    "Lindström",
    "Lindqvist",
    "Lindgren",
    "Berg",
    "Axelsson",
    "Bergström",
    "Lundberg",
    "Lind",
    "Lundgren",
    "Lundqvist",
    "Mattsson",
    "Berglund",
    "Fredriksson",
    "Sandberg",
    "Henriksson",
    "Forsberg",
    "Sjöberg",
    "Wallin",
    "Engström",
    "Eklund",
    "Danielsson",
    "Lundin",
    "Håkansson",
    "Björk",
    "Bergman",
    "Gunnarsson",
    "Holm",
    "Wikström",
    "Samuelsson",
    "Isaksson",
    "Fransson",
    "Bergqvist",
    "Nyström",
    "Holmberg",
    "Arvidsson",
    "Löfgren",
    "Söderberg",
    "Nyberg",
    "Blomqvist",
    "Claesson",
    "Nordström",
    "Mårtensson",
    "Lundström",
    "Ali",
    "Mohammed",
    "Öberg",
    "Åberg",
    "Ek",
    "Strand",
    "Hedlund",
    "Dahl",
    "Sundberg",
    "Nguyen",
    "Kowalski",
    "Müller",
    "García",
    "Hosseini",
    "Yilmaz",
    "Virtanen",
]
STREETS = [
    "Storgatan",
    "Kungsgatan",
    "Drottninggatan",
    "Strandvägen",
    "Hamngatan",
    "Skolgatan",
    "Kyrkogatan",
    "Parkvägen",
    "Björkvägen",
    "Tallvägen",
    "Granvägen",
    "Ekvägen",
    "Lönnvägen",
    "Fyrvägen",
    "Sjöbrisvägen",
    "Vågvägen",
    "Kustvägen",
    "Fiskaregatan",
    "Kvarngatan",
    "Solrosvägen",
    "Ängsvägen",
    "Hagvägen",
    "Backvägen",
    "Mossvägen",
    "Lyckovägen",
]
DISTRICTS = ["Strandstad", "Norrstrand", "Söderhamn", "Västerby", "Östbacka", "Kvarnby", "Havslätt"]
TOWN = "Strandstad"
PRODUCTS = (
    "Elavtal Fast pris 1 år",
    "Elavtal Rörligt pris",
    "Fjärrvärme Villa",
    "Bredband 250/250",
    "Elavtal Grön el",
    "Fjärrvärme Flerbostadshus",
)
CHAT_AGENTS = ("Petra Lindahl", "Jonas Ekdahl", "Sofia Berglin", "Mats Hedvall")
CHAT_QUESTIONS = (
    "Hej! Jag undrar varför min faktura blev högre i januari?",
    "Hur byter jag till fast pris på mitt elavtal?",
    "Vi har strömavbrott på {street}, vet ni när det är åtgärdat?",
    "Jag vill flytta mitt avtal till en ny adress från den 1:a nästa månad.",
    "Kan jag få fakturan via e-faktura istället för papper?",
    "Min granne {neighbour} sa att ni har ett erbjudande på värmepumpar, stämmer det?",
    "Hur läser jag av min mätare i appen Mitt HEM?",
)
CHAT_ANSWERS = (
    "Hej och tack för att du hör av dig! Jag tittar på det direkt.",
    "Det ska jag hjälpa dig med. Kan du bekräfta din adress?",
    "Tack, nu har jag ändrat det åt dig. Något mer jag kan hjälpa till med?",
    "Vi har ett planerat arbete i området, det beräknas vara klart under eftermiddagen.",
)
NEWSLETTERS = ("Nyhetsbrev Energitips", "Erbjudanden Värmepumpar", "Driftinformation via e-post")
CONSENTS = (
    "Marknadsföring via e-post",
    "Marknadsföring via SMS",
    "Kundundersökningar",
    "Personliga erbjudanden baserade på förbrukning",
)
BOOKING_ERRANDS = (
    "Platsbesök inför bergvärme",
    "Provborrning borrhål",
    "Service värmepump",
    "Besök Växtvärdet",
    "Energirådgivning i hemmet",
)
PUMP_MODELS = (
    "NIBE S1255-12",
    "Thermia Calibra Eco 12",
    "IVT Greenline HE E11",
    "CTC EcoPart 612M",
)
EXAMPLE_NAMES = (("Åsa", "Öberg"), ("Nguyễn Thị", "Minh"), ("Łukasz", "Żółć"))

METER_YEAR = 2025


@dataclass(frozen=True)
class Example:
    personnummer: str
    name: str
    note: str


@dataclass(frozen=True)
class DemoSummary:
    config_path: Path
    people: int
    examples: tuple[Example, ...]


@dataclass
class _Person:
    index: int
    personnummer: str  # YYYYMMDD-NNNC
    first: str
    last: str
    street: str
    postcode: str
    district: str
    email: str
    phone: str
    customer: bool
    hourly: bool
    chat: bool
    booking: bool
    installation: bool
    newsletter: bool

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def customer_number(self) -> str:
        return f"K{100000 + self.index}"


def _personnummer_stream(rng: random.Random) -> Iterator[str]:
    """Unique valid personnummer, born 1930–2007, never birth number 000."""
    start = date(1930, 1, 1).toordinal()
    span = date(2007, 12, 31).toordinal() - start
    seen: set[int] = set()
    while True:
        day_offset, serial = rng.randrange(span), rng.randrange(1, 1000)
        key = day_offset * 1000 + serial
        if key in seen:
            continue
        seen.add(key)
        born = date.fromordinal(start + day_offset)
        nine = f"{born:%y%m%d}{serial:03d}"
        yield f"{born:%Y%m%d}-{serial:03d}{luhn.calc_check_digit(nine)}"


def _fiction_phone(rng: random.Random) -> str:
    return f"070-174 06 {rng.randrange(5, 100):02d}"


def _people(count: int, rng: random.Random) -> Iterator[_Person]:
    numbers = _personnummer_stream(rng)
    domains = ("example.com", "example.net", "example.org")
    for index in range(count):
        if index < len(EXAMPLE_NAMES):
            first, last = EXAMPLE_NAMES[index]
        else:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        local = f"{first}.{last}".lower()
        local = local.translate(str.maketrans("åäöéèüøłżćóëễị ", "aaoeeuolzcoeei-"))
        yield _Person(
            index=index,
            personnummer=next(numbers),
            first=first,
            last=last,
            street=f"{rng.choice(STREETS)} {rng.randrange(1, 80)}",
            postcode=f"30{rng.randrange(0, 10)} {rng.randrange(10, 100)}",
            district=rng.choice(DISTRICTS),
            email=f"{local}.{index}@{domains[index % 3]}",
            phone=_fiction_phone(rng),
            customer=index < 3 or rng.random() < 0.85,
            hourly=index == 0 or index % 1000 == 999,
            chat=index == 0 or (index >= 3 and rng.random() < 0.03),
            booking=index in (0, 2) or (index >= 3 and rng.random() < 0.01),
            installation=index in (0, 2) or (index >= 3 and rng.random() < 0.01),
            newsletter=index < 2 or rng.random() < 0.3,
        )


def _fast_sqlite(path: Path) -> sqlite3.Connection:
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    return connection


def create_demo(directory: str | Path, *, people: int = 3000, seed: int = 1) -> DemoSummary:
    if people < 3:
        from desktop.errors import UserError

        raise UserError("a demo needs at least 3 people")
    folder = Path(directory).expanduser().resolve()
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    writer = _DemoWriter(folder, rng)
    examples: list[Example] = []
    for person in _people(people, rng):
        writer.add(person)
        if person.index < 3:
            examples.append(Example(person.personnummer, person.name, _example_note(person.index)))
    writer.finish()
    from desktop.services.demo import web
    from desktop.sources.secrets import keyring_usable

    settings = web.new_settings(oauth=keyring_usable())
    settings.write(folder)
    config_path = folder / "insyn-demo.toml"
    config_path.write_text(demo_configuration(port=settings.port, oauth=settings.oauth), encoding="utf-8")
    _add_demo_staff(f"sqlite:///{folder / 'register.sqlite'}")
    return DemoSummary(config_path, people, tuple(examples))


# Fictitious accounts of a fictitious organisation; their passwords are printed in the README.
DEMO_STAFF = (
    ("disk1", "Receptionen, disk 1", ["reception"], "demo-disk1"),
    ("granskare", "Personuppgiftssamordnaren", ["reception", "approver"], "demo-granskare"),
    ("admin", "IT-administratör", ["admin"], "demo-admin"),
)


def _add_demo_staff(register_url: str) -> None:
    from argon2 import PasswordHasher

    from desktop.register.db import open_register
    from desktop.register.repository import NotFound, add_staff, staff_by_username
    from desktop.services.desk import audit_key

    hasher = PasswordHasher()
    register = open_register(register_url, audit_key=audit_key())
    try:
        with register.sessions.begin() as session:
            for username, display_name, roles, password in DEMO_STAFF:
                try:
                    staff_by_username(session, username)
                except NotFound:
                    add_staff(session, username, display_name, roles, password_hash=hasher.hash(password))
    finally:
        register.dispose()


def _example_note(index: int) -> str:
    return (
        "customer with a year of hourly meter readings, chat, booking and heat pump",
        "customer with newsletter and consents",
        "customer with a heat-pump installation and a site-visit booking",
    )[index]


def _conversation(rng: random.Random, p: _Person, thanks: str) -> list[tuple[int, str, str]]:
    """One chat: the visitor's question, an agent's answer, the visitor's thanks; (minute of the
    day, sender, text) each."""
    agent = rng.choice(CHAT_AGENTS)
    question = rng.choice(CHAT_QUESTIONS).format(
        street=p.street.rsplit(" ", 1)[0],
        neighbour=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
    )
    minute = rng.randrange(8 * 60, 17 * 60)
    lines = [(p.name, question), (agent, rng.choice(CHAT_ANSWERS)), (p.name, thanks)]
    return [(minute + offset, sender, text) for offset, (sender, text) in enumerate(lines)]


class _DemoWriter:
    """Streams people into the demo's files, in batches, indexes created at the end."""

    BATCH = 20_000

    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.folder = folder
        self.rng = rng
        self.crm = _fast_sqlite(folder / "kundregister.sqlite")
        self.crm.executescript(CRM_SCHEMA)
        self.marketing = _fast_sqlite(folder / "marknad.sqlite")
        self.marketing.executescript(MARKETING_SCHEMA)
        self.pumps = _fast_sqlite(folder / "varmepumpar.sqlite")
        self.pumps.executescript(PUMPS_SCHEMA)
        self.live_rng = random.Random(hash(rng.getstate()))  # its own stream: the other files stay as they were
        self.live = _fast_sqlite(folder / "imbox-api.sqlite")
        from desktop.services.demo.web import SCHEMA as LIVE_SCHEMA

        self.live.executescript(LIVE_SCHEMA)
        chat_path = folder / "imbox-chatt.csv"
        self.chat_file = open(chat_path, "w", encoding="cp1252", errors="replace", newline="")  # noqa: SIM115
        self.chat = csv.writer(self.chat_file, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        self.chat.writerow(["Datum", "Tid", "Kontakt e-post", "Kontakt namn", "Avsändare", "Meddelande"])
        self.bookings: list[list[object]] = []
        self.rows: dict[str, list[tuple[object, ...]]] = {}
        self.invoice_no = 5_000_000
        self.next_booking = 20_000

    def _queue(self, table: str, row: tuple[object, ...]) -> None:
        rows = self.rows.setdefault(table, [])
        rows.append(row)
        if len(rows) >= self.BATCH:
            self._flush(table)

    def _flush(self, table: str) -> None:
        rows = self.rows.pop(table, [])
        if not rows:
            return
        database, statement = TABLES[table]
        connection = {"crm": self.crm, "marketing": self.marketing, "pumps": self.pumps}[database]
        connection.executemany(statement, rows)

    def add(self, p: _Person) -> None:
        rng = self.rng
        if p.customer:
            since = date(2005, 1, 1) + timedelta(days=rng.randrange(0, 7000))
            self._queue(
                "kund",
                (
                    p.customer_number,
                    p.personnummer,
                    p.first,
                    p.last,
                    p.street,
                    p.postcode,
                    TOWN,
                    p.email,
                    p.phone,
                    since.isoformat(),
                ),
            )
            facility = f"735999{100000000 + p.index:09d}"
            designation = f"{p.district.upper()} {rng.randrange(1, 30)}:{rng.randrange(1, 400)}"
            self._queue("anlaggning", (facility, p.customer_number, p.street, p.postcode, TOWN, designation))
            # One customer in ten (never the examples) has left: their contracts ended, so an
            # erasure pseudonymises them and keeps what the law keeps. Decided from the index, not
            # the random stream, so that everyone else is as before.
            former = p.index >= 3 and p.index % 10 == 7
            for n in range(1 if rng.random() < 0.8 else 2):
                start = since + timedelta(days=365 * n)
                ended = max(start + timedelta(days=60), date(2024, 1, 1) + timedelta(days=(p.index * 37) % 600))
                self._queue(
                    "avtal",
                    (
                        f"A{p.index:07d}{n}",
                        p.customer_number,
                        rng.choice(PRODUCTS),
                        start.isoformat(),
                        ended.isoformat() if former else None,
                        facility,
                    ),
                )
            for quarter in range(4):
                issued = date(METER_YEAR, 3 * quarter + 1, 28)
                amount = f"{rng.uniform(900, 9000):.2f}"
                self.invoice_no += 1
                self._queue(
                    "faktura",
                    (
                        self.invoice_no,
                        p.customer_number,
                        issued.isoformat(),
                        (issued + timedelta(days=30)).isoformat(),
                        amount,
                        "Betald" if quarter < 3 else "Obetald",
                    ),
                )
            if p.hourly:
                self._meter_readings(facility)
            for consent in CONSENTS:
                if p.index < 2 or rng.random() < 0.2:
                    given = since + timedelta(days=rng.randrange(0, 3000))
                    # A withdrawn consent is kept three years as proof (see the configuration).
                    withdrawn_on = max(
                        given + timedelta(days=30), date(2024, 6, 1) + timedelta(days=rng.randrange(0, 800))
                    )
                    withdrawn = None if rng.random() < 0.8 else withdrawn_on.isoformat()
                    self._queue(
                        "samtycke",
                        (
                            p.customer_number,
                            consent,
                            given.isoformat(),
                            rng.choice(("Mina sidor", "Kundtjänst", "Appen Mitt HEM")),
                            withdrawn,
                        ),
                    )
        if p.newsletter:
            for name in NEWSLETTERS:
                if p.index < 2 or rng.random() < 0.4:
                    since = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 3600))
                    self._queue(
                        "nyhetsbrev",
                        (
                            p.email,
                            name,
                            since.isoformat(),
                            "Aktiv" if rng.random() < 0.85 else "Avanmäld",
                        ),
                    )
        if p.chat:
            self._chats(p)
        if p.index == 0 or (p.chat and self.live_rng.random() < 0.5):
            self._live_chats(p)
        if p.booking:
            self._booking(p)
        if p.installation:
            lat, lon = 56.6 + rng.random() / 10, 12.8 + rng.random() / 10
            installed = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 3600))
            self._queue(
                "installation",
                (
                    f"I{p.index:07d}",
                    p.personnummer,
                    p.name,
                    p.street,
                    f"{p.district.upper()} {rng.randrange(1, 30)}:{rng.randrange(1, 400)}",
                    rng.choice(PUMP_MODELS),
                    installed.isoformat(),
                    round(lat, 5),
                    round(lon, 5),
                    rng.choice((150, 180, 200, 220)),
                    round(rng.uniform(8000, 50000)),
                    "Finansiering via partnerbank" if rng.random() < 0.3 else None,
                ),
            )

    def _meter_readings(self, facility: str) -> None:
        start = datetime(METER_YEAR, 1, 1, tzinfo=UTC)
        rng = self.rng
        for hour in range(365 * 24):
            moment = start + timedelta(hours=hour)
            winter = 1.6 if moment.month in (1, 2, 3, 11, 12) else 0.8
            day = 1.4 if 7 <= moment.hour <= 21 else 0.6
            self._queue(
                "matvarde",
                (
                    facility,
                    moment.strftime("%Y-%m-%d %H:00"),
                    round(winter * day * rng.uniform(0.4, 1.6), 3),
                ),
            )

    def _chats(self, p: _Person) -> None:
        rng = self.rng
        for _ in range(rng.randrange(1, 4)):
            day = date(2025, 6, 1) + timedelta(days=rng.randrange(0, 500))  # within the 24 months kept
            for minute, sender, text in _conversation(rng, p, "Tack så mycket!"):
                at = f"{minute // 60:02d}:{minute % 60:02d}"
                self.chat.writerow([day.isoformat(), at, p.email, p.name, sender, text])

    def _live_chats(self, p: _Person) -> None:
        """Conversations since the last export, answered by the demo's chat service."""
        rng = self.live_rng
        count = 2 if p.index == 0 else rng.randrange(1, 3)  # the first example: two pages
        for day in sorted(date(2026, 10, 15) + timedelta(days=rng.randrange(0, 43)) for _ in range(count)):
            conversation = f"C-{rng.randrange(10**6, 10**7)}"
            for minute, sender, text in _conversation(rng, p, "Tack!"):
                at = f"{day.isoformat()}T{minute // 60:02d}:{minute % 60:02d}:00+01:00"
                self.live.execute(
                    "INSERT INTO meddelande (epost, konversation, skickat, avsandare, text) VALUES (?,?,?,?,?)",
                    (p.email, conversation, at, sender, text),
                )

    def _booking(self, p: _Person) -> None:
        rng = self.rng
        self.next_booking += 1
        when = datetime(2025, 1, 1, 8) + timedelta(days=rng.randrange(0, 600), hours=rng.randrange(0, 8))
        self.bookings.append(
            [
                f"B{self.next_booking}",
                p.personnummer,
                p.name,
                p.phone,
                f"{p.street}, {TOWN}",
                f"{p.district.upper()} {rng.randrange(1, 30)}:{rng.randrange(1, 400)}",
                when,
                rng.choice(BOOKING_ERRANDS),
                rng.choice(("Bekräftad", "Genomförd", "Avbokad")),
            ]
        )

    def finish(self) -> None:
        for table in list(self.rows):
            self._flush(table)
        self.crm.executescript(CRM_INDEXES)
        self.marketing.executescript(MARKETING_INDEXES)
        self.pumps.executescript(PUMPS_INDEXES)
        for connection in (self.crm, self.marketing, self.pumps, self.live):
            connection.commit()
            connection.close()
        self.chat_file.close()
        self._write_bookings()

    def _write_bookings(self) -> None:
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Bokningar")
        sheet.append(
            [
                "Bokningsnr",
                "Personnummer",
                "Namn",
                "Telefon",
                "Adress",
                "Fastighetsbeteckning",
                "Tid",
                "Ärende",
                "Status",
            ]
        )
        for row in self.bookings[:20_000]:
            sheet.append(row)
        workbook.save(self.folder / "bokningar.xlsx")


CRM_SCHEMA = """
CREATE TABLE kund (kundnr TEXT PRIMARY KEY, personnr TEXT NOT NULL, fornamn TEXT, efternamn TEXT,
  adress TEXT, postnr TEXT, ort TEXT, epost TEXT, telefon TEXT, kund_sedan TEXT);
CREATE TABLE anlaggning (anlaggnings_id TEXT PRIMARY KEY, kundnr TEXT NOT NULL, adress TEXT,
  postnr TEXT, ort TEXT, fastighetsbeteckning TEXT);
CREATE TABLE avtal (avtalsnr TEXT PRIMARY KEY, kundnr TEXT NOT NULL, produkt TEXT,
  startdatum TEXT, slutdatum TEXT, anlaggnings_id TEXT);
CREATE TABLE faktura (fakturanr INTEGER PRIMARY KEY, kundnr TEXT NOT NULL, fakturadatum TEXT,
  forfallodatum TEXT, belopp_kr NUMERIC, status TEXT);
CREATE TABLE matvarde (anlaggnings_id TEXT NOT NULL, timme TEXT NOT NULL, kwh REAL);
"""
CRM_INDEXES = """
CREATE UNIQUE INDEX ix_kund_personnr ON kund (personnr);
CREATE INDEX ix_anlaggning_kundnr ON anlaggning (kundnr);
CREATE INDEX ix_avtal_kundnr ON avtal (kundnr);
CREATE INDEX ix_faktura_kundnr ON faktura (kundnr);
CREATE INDEX ix_matvarde_anlaggning ON matvarde (anlaggnings_id, timme);
"""
MARKETING_SCHEMA = """
CREATE TABLE nyhetsbrev (epost TEXT NOT NULL, lista TEXT, prenumererar_sedan TEXT, status TEXT);
CREATE TABLE samtycke (kundnr TEXT NOT NULL, samtycke TEXT, givet TEXT, kanal TEXT,
  aterkallat TEXT);
CREATE TABLE sparrlista (personnr TEXT NOT NULL, sparrad TEXT NOT NULL, orsak TEXT);
"""
MARKETING_INDEXES = """
CREATE INDEX ix_nyhetsbrev_epost ON nyhetsbrev (epost);
CREATE INDEX ix_samtycke_kundnr ON samtycke (kundnr);
CREATE INDEX ix_sparrlista_personnr ON sparrlista (personnr);
"""
PUMPS_SCHEMA = """
CREATE TABLE installation (installationsnr TEXT PRIMARY KEY, personnr TEXT NOT NULL, namn TEXT,
  installationsadress TEXT, fastighetsbeteckning TEXT, varmepump TEXT, installerad TEXT,
  borrhal_lat REAL, borrhal_lon REAL, borrdjup_m INTEGER, rot_avdrag_kr NUMERIC, finansiering TEXT);
"""
PUMPS_INDEXES = "CREATE INDEX ix_installation_personnr ON installation (personnr);"

TABLES = {
    "kund": ("crm", "INSERT INTO kund VALUES (?,?,?,?,?,?,?,?,?,?)"),
    "anlaggning": ("crm", "INSERT INTO anlaggning VALUES (?,?,?,?,?,?)"),
    "avtal": ("crm", "INSERT INTO avtal VALUES (?,?,?,?,?,?)"),
    "faktura": ("crm", "INSERT INTO faktura VALUES (?,?,?,?,?,?)"),
    "matvarde": ("crm", "INSERT INTO matvarde VALUES (?,?,?)"),
    "nyhetsbrev": ("marketing", "INSERT INTO nyhetsbrev VALUES (?,?,?,?)"),
    "samtycke": ("marketing", "INSERT INTO samtycke VALUES (?,?,?,?,?)"),
    "installation": ("pumps", "INSERT INTO installation VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"),
}


_OAUTH_LINES = """auth = "oauth2-client-credentials"
token_url = "http://127.0.0.1:47615/oauth2/token"
client_id = "insyn-demo-desk"
"""
_NO_KEYRING = """# This machine had no keyring when the demo was made, so the demo cannot keep the chat
# service's client secret: the service asks for none. With a keyring the lines are
# auth = "oauth2-client-credentials", token_url = ".../oauth2/token", client_id = "insyn-demo-desk".
auth = "none"
"""


def demo_configuration(*, port: int | None = None, oauth: bool = True) -> str:
    """The demo organisation's configuration, as IT would write it (organisation.toml beside
    this file, and in the bundle), with the port of its chat service and, on a machine without
    a keyring, that service without OAuth2."""
    from desktop.services.demo.web import DEFAULT_PORT

    text = (resources.files(__package__) / "organisation.toml").read_text(encoding="utf-8")
    assert _OAUTH_LINES in text
    if not oauth:
        text = text.replace(_OAUTH_LINES, _NO_KEYRING)
    if port is not None:
        text = text.replace(f"127.0.0.1:{DEFAULT_PORT}/", f"127.0.0.1:{port}/")
    return text
