"""IT's setup commands: the configuration checked against the real systems, its reference,
the secrets in this machine's keyring, and the demo organisation."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass


from desktop.cli.common import _config_path

log = logging.getLogger(__name__)


def cmd_config_check(args: argparse.Namespace) -> int:
    from desktop.services.setup import check_config

    summary, sources = check_config(args.path)
    print(f"{args.path}: valid, {summary.sources} sources")
    for warning in summary.warnings:
        print(f"  WARNING: {warning}")
    if summary.english_missing:
        print(f"  English missing for {len(summary.english_missing)} visitor texts (an English extract prints the "
              "Swedish, marked '(in Swedish)'):")  # fmt: skip
        for path in summary.english_missing:
            print(f"    {path}")
    failed = 0
    for source in sources:
        if not source.ok:
            failed += 1
            print(f"  {source.source_id}: FAILED: {source.note}")
        elif source.note.startswith("WARNING"):
            print(f"  {source.source_id}: ok, but {source.note}")
        else:
            print(f"  {source.source_id}: ok" + (f" ({source.note})" if source.note else ""))
    return 1 if failed else 0


def cmd_config_reference(args: argparse.Namespace) -> int:
    from desktop.services.setup import reference_markdown

    print(reference_markdown(), end="")
    return 0


def cmd_secrets_set(args: argparse.Namespace) -> int:
    import getpass

    from desktop.services.setup import store_secret

    if getattr(args, "config", None) or os.environ.get("INSYN_CONFIG"):
        from desktop.services.setup import check_source_id

        check_source_id(_config_path(args), args.source)  # refused before the secret is asked
    if sys.stdin.isatty():
        secret = getpass.getpass(f"Secret for source {args.source} (not shown): ")
    else:
        secret = sys.stdin.readline().rstrip("\n")
    store_secret(args.source, secret)
    print(f"secret for source {args.source} stored in the keyring")
    return 0


def cmd_demo_create(args: argparse.Namespace) -> int:
    from desktop.services.demo import create_demo

    summary = create_demo(args.directory, people=args.people, seed=args.seed)
    print(f"demo organisation written to {summary.config_path}")
    print(f"{summary.people} people; try these personnummer:")
    for example in summary.examples:
        print(f"  {example.personnummer}  {example.name}  ({example.note})")
    return 0


def add_commands(commands: Any) -> None:
    """config, secrets, demo."""
    config = commands.add_parser("config", help="the organisation's configuration")
    config_commands = config.add_subparsers(title="config commands", metavar="ACTION", required=True)
    check = config_commands.add_parser(
        "check", help="validate a configuration and try every source; exit 1 if any failed"
    )
    check.add_argument("path")
    check.set_defaults(handler=cmd_config_check)
    reference = config_commands.add_parser("reference", help="print the configuration reference")
    reference.set_defaults(handler=cmd_config_reference)

    secrets = commands.add_parser("secrets", help="source passwords and tokens in the keyring")
    secrets_commands = secrets.add_subparsers(title="secrets commands", metavar="ACTION", required=True)
    secret_set = secrets_commands.add_parser("set", help="store a source's secret (prompted)")
    secret_set.add_argument("source", help="the source's id")
    secret_set.add_argument(
        "--config", metavar="PATH", default=argparse.SUPPRESS, help="check the id against this file"
    )
    secret_set.set_defaults(handler=cmd_secrets_set)

    demo = commands.add_parser("demo", help="the demo organisation")
    demo_commands = demo.add_subparsers(title="demo commands", metavar="ACTION", required=True)
    create = demo_commands.add_parser("create", help="write a demo organisation into a folder")
    create.add_argument("directory")
    create.add_argument("--people", type=int, default=3000, help="how many people (default 3000)")
    create.add_argument("--seed", type=int, default=1, help="the same seed gives the same world")
    create.set_defaults(handler=cmd_demo_create)
