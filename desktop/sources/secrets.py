"""Source secrets (database passwords, API tokens) in the operating system's keyring.

Keyed by service "insyn" and the source's id. Where the machine has no usable keyring backend
(a headless Linux box without Secret Service), the error says so and what IT can do.
"""

from __future__ import annotations

import keyring
from keyring.backends import fail
from keyring.errors import KeyringError

from desktop.errors import UserError

SERVICE = "insyn"


class SecretStoreUnavailable(UserError):
    pass


def _backend_usable() -> bool:
    return not isinstance(keyring.get_keyring(), fail.Keyring)


def keyring_usable() -> bool:
    """Whether this machine has a keyring that can keep secrets."""
    return _backend_usable()


_UNAVAILABLE = (
    "no keyring is available on this machine: sources that need a password or token cannot "
    "be reached. On Windows the Credential Manager is used; on Linux install and unlock a "
    "Secret Service (GNOME Keyring or KWallet), or configure keyring's backend."
)


def get_secret(source_id: str) -> str | None:
    if not _backend_usable():
        return None
    try:
        return keyring.get_password(SERVICE, source_id)
    except KeyringError:
        return None


def require_secret(source_id: str) -> str:
    if not _backend_usable():
        raise SecretStoreUnavailable(_UNAVAILABLE)
    secret = get_secret(source_id)
    if not secret:
        raise SecretStoreUnavailable(f"no secret stored for source '{source_id}': run `insyn secrets set {source_id}`")
    return secret


def set_secret(source_id: str, secret: str) -> None:
    if not _backend_usable():
        raise SecretStoreUnavailable(_UNAVAILABLE)
    try:
        keyring.set_password(SERVICE, source_id, secret)
    except KeyringError as exc:
        raise SecretStoreUnavailable(f"the keyring refused to store the secret ({exc})") from None
