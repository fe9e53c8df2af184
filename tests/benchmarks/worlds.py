"""The demo worlds the benchmarks share: built once per size in tests/benchmarks/.world-N/."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from desktop.services.demo import create_demo

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"  # the machines' PostgreSQL, trust auth


def world_arguments(parser: argparse.ArgumentParser, samples: int, seed: int) -> None:
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=samples)
    parser.add_argument("--world", type=Path)
    parser.add_argument("--seed", type=int, default=seed)


def demo_world(people: int, world: Path | None) -> Path:
    """The world's configuration file; the world is built first where it is not there yet."""
    folder = world or Path(__file__).with_name(f".world-{people}")
    config_path = folder / "insyn-demo.toml"
    if not config_path.exists():
        print(f"building the {people:,}-person demo world in {folder} ...", flush=True)
        started = time.perf_counter()
        create_demo(folder, people=people, seed=1)
        print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
    return config_path


def bench_database(server: str, name: str) -> str:
    """A PostgreSQL database of the benchmark's own on `server`, dropped and made again; its URL."""
    url = make_url(server)
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def keyring_in_memory() -> None:
    """The machines' keyring has only the fail backend: secrets are kept in this process."""
    import keyring

    from tests.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
