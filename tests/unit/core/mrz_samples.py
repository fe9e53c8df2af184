"""Machine-readable zones built for tests, with correct check digits computed independently."""

from __future__ import annotations


def icao_digit(field: str) -> str:
    values = {str(d): d for d in range(10)} | {chr(65 + i): 10 + i for i in range(26)} | {"<": 0}
    return str(sum(values[c] * (7, 3, 1)[i % 3] for i, c in enumerate(field)) % 10)


def td3(
    *,
    country: str = "SWE",
    names: str = "ANDERSSON<<ANNA<MARIA",
    number: str = "AB1234567",
    birth: str = "811218",
    expiry: str = "300101",
    optional: str = "8112189876",
) -> str:
    one = f"P<{country}{names}".ljust(44, "<")
    number = number.ljust(9, "<")
    optional = optional.ljust(14, "<")
    optional_digit = icao_digit(optional) if optional.strip("<") else "<"
    two = (
        f"{number}{icao_digit(number)}{country}{birth}{icao_digit(birth)}F"
        f"{expiry}{icao_digit(expiry)}{optional}{optional_digit}"
    )
    composite = icao_digit(two[0:10] + two[13:20] + two[21:43])
    return f"{one}\n{two}{composite}"


def td1(
    *,
    country: str = "SWE",
    names: str = "ANDERSSON<<ANNA<MARIA",
    number: str = "AB1234567",
    birth: str = "811218",
    expiry: str = "300101",
    optional: str = "",
) -> str:
    if len(number) > 9:
        first = f"I<{country}{number[:9]}<{number[9:]}{icao_digit(number)}"
    else:
        first = f"I<{country}{number.ljust(9, '<')}{icao_digit(number.ljust(9, '<'))}"
    one = first.ljust(30, "<")
    two = f"{birth}{icao_digit(birth)}F{expiry}{icao_digit(expiry)}{country}{optional.ljust(11, '<')}"
    two += icao_digit(one[5:30] + two[0:7] + two[8:15] + two[18:29])
    three = names.ljust(30, "<")
    return f"{one}\n{two}\n{three}"
