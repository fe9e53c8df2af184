"""The installed `insyn` command, run as a user would."""

from __future__ import annotations

import shutil
import subprocess
import sys

from desktop import __version__


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", *args], input=stdin,
                          capture_output=True, text=True, timeout=60)  # fmt: skip


def test_version_from_the_console_script() -> None:
    script = shutil.which("insyn") or str(__import__("pathlib").Path(sys.executable).with_name("insyn"))
    result = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"insyn {__version__}"


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "audit" in result.stdout and "staff" in result.stdout


def test_the_window_starts_without_the_command_groups_and_a_command_is_still_parsed_whole() -> None:
    """Without a command, only the window's options are parsed (the way to the sign-in window
    skips the command groups' modules); a command, or --help, gets the whole parser."""
    probe = (
        "import sys, desktop.cli as cli\n"
        "args = cli.parse(['--demo', '--lang', 'en'])\n"
        "print(args.handler.__name__, args.demo, args.lang, 'desktop.cli.case' in sys.modules)\n"
        "args = cli.parse(['--lang', 'en', 'case', 'extend', '2026-0001', '--staff', 'disk1', '--reason', 'r'])\n"
        "print(args.handler.__name__, args.lang, 'desktop.cli.case' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines() == ["cmd_gui True en False", "cmd_case_extend en True"], result.stderr


def test_user_mistakes_are_one_line_and_exit_2(sqlite_url: str) -> None:
    result = run("--register", "not a url", "audit", "verify")
    assert result.returncode == 2
    assert result.stderr.strip() == "insyn: error: the register URL is not a valid database URL"
    result = run("--no-such-option")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = run("--register", "postgresql+psycopg://nobody@127.0.0.1:9/none", "audit", "verify")
    assert result.returncode == 2
    assert "cannot reach the register" in result.stderr and "Traceback" not in result.stderr


def test_staff_add_needs_an_administrator_after_the_first(sqlite_url: str) -> None:
    refused = run("--register", sqlite_url, "staff", "add", "desk1", "--name", "Desk One", "--role", "reception")
    assert refused.returncode == 2 and "administrator's sign-in" in refused.stderr
    first = run("--register", sqlite_url, "staff", "add", "it", "--name", "IT", "--role", "admin", "--password",
                stdin="it-admin-secret\n")  # fmt: skip
    assert first.returncode == 0, first.stderr
    mallory = run("--register", sqlite_url, "staff", "add", "mallory", "--name", "M", "--role", "admin",
                  "--password", stdin="mallory-secret\n")  # fmt: skip
    assert mallory.returncode == 2 and "administrator's sign-in" in mallory.stderr
    wrong = run("--register", sqlite_url, "staff", "add", "mallory", "--name", "M", "--role", "admin",
                "--admin", "it", stdin="not-the-password\n")  # fmt: skip
    assert wrong.returncode == 2 and "wrong user name or password" in wrong.stderr
    ok = run("--register", sqlite_url, "staff", "add", "desk1", "--name", "Desk One", "--role", "reception",
             "--role", "approver", "--admin", "it", stdin="it-admin-secret\n")  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    again = run("--register", sqlite_url, "staff", "add", "desk1", "--name", "X", "--role", "admin",
                "--admin", "it", stdin="it-admin-secret\n")  # fmt: skip
    assert again.returncode == 2
    assert "exists already" in again.stderr
    assert run("--register", sqlite_url, "audit", "verify").returncode == 0


def test_a_password_in_the_register_url_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run("--register", "postgresql+psycopg://insyn:hemligt@127.0.0.1:5432/test", "audit", "verify")
    assert result.returncode == 2 and "must not contain a password" in result.stderr
    assert "hemligt" not in result.stderr


def test_staff_add_with_a_password_from_stdin(sqlite_url: str) -> None:
    from desktop.register.db import open_register
    from desktop.services.desk import Desk
    from desktop.services.staff import sign_in

    result = subprocess.run([sys.executable, "-m", "desktop", "--register", sqlite_url, "staff", "add", "anna",
                             "--name", "Anna", "--role", "admin", "--password"],
                            input="a-long-password\n", capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 0, result.stderr
    register = open_register(sqlite_url)
    desk = Desk(config=None, register=register, sources=None)  # type: ignore[arg-type]
    assert sign_in(desk, "anna", "a-long-password").username == "anna"
    register.dispose()
    short = subprocess.run([sys.executable, "-m", "desktop", "--register", sqlite_url, "staff", "add", "bo",
                            "--name", "Bo", "--role", "reception", "--password", "--admin", "anna"],
                           input="a-long-password\nkort\n", capture_output=True, text=True, timeout=60)  # fmt: skip
    assert short.returncode == 2 and "at least 8 characters" in short.stderr
