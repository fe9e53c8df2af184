"""The address an answer by post goes to (core/address.py): as Postnord wants it, refused with a
code and a message that never repeats it."""

from __future__ import annotations

import pytest

from desktop.core.address import AddressRefused, address_from_fields, check_address


def test_an_address_is_kept_as_its_lines_with_the_postcode_written_as_postnord_writes_it() -> None:
    assert check_address("Storgatan 3\n30245 Strandstad") == ("Storgatan 3", "302 45 Strandstad")
    assert check_address("  c/o Berg \r\nStorgatan  3\r\n\r\nSE-302 45   Strandstad ") == (
        "c/o Berg", "Storgatan 3", "302 45 Strandstad"
    )  # fmt: skip
    assert check_address("Storgatan 3, 302 45 Strandstad") == ("Storgatan 3", "302 45 Strandstad")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "address_empty"),
        ("   \n ", "address_empty"),
        ("302 45 Strandstad", "address_lines"),  # no street
        ("a\nb\nc\nd\n302 45 Strandstad", "address_lines"),
        ("Storgatan 3\nStrandstad", "address_postcode"),
        ("Storgatan 3\n3024 Strandstad", "address_postcode"),
        ("Storgatan 3\n302 45", "address_postcode"),  # no town
        ("S" * 61 + "\n302 45 Strandstad", "address_long"),
        ("Storgatan\u202e 3\n302 45 Strandstad", "address_characters"),  # a direction override
    ],
)
def test_an_address_that_cannot_be_posted_is_refused_with_its_reason(text: str, code: str) -> None:
    with pytest.raises(AddressRefused) as refused:
        check_address(text)
    assert refused.value.code == code
    assert "Storgatan" not in str(refused.value) and "Strandstad" not in str(refused.value)


def test_a_systems_columns_become_an_address_with_the_postcode_beside_the_town() -> None:
    assert address_from_fields(["Storgatan 3", "302 45", "Strandstad"]) == "Storgatan 3\n302 45 Strandstad"
    assert address_from_fields(["Storgatan 3", None, " ", "30245", "Strandstad"]) == "Storgatan 3\n30245 Strandstad"
    assert check_address(address_from_fields(["Storgatan 3", "30245", "Strandstad"]))[-1] == "302 45 Strandstad"
    assert address_from_fields([None, None]) == ""
