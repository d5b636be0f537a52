from datetime import date

import pytest

from eventwire.read.dates import parse_date


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("23 December, 2016", date(2016, 12, 23), "day"),
        ("23 December 2016", date(2016, 12, 23), "day"),
        ("23rd Dec. 2016", date(2016, 12, 23), "day"),
        ("Dec. 23, 2016", date(2016, 12, 23), "day"),
        ("December 23rd, 2016", date(2016, 12, 23), "day"),
        ("Friday, December 23, 2016", date(2016, 12, 23), "day"),
        ("Friday 23/12/2016", date(2016, 12, 23), "day"),
        ("2016-12-23", date(2016, 12, 23), "day"),
        ("2016-12-23T09:30:00Z", date(2016, 12, 23), "day"),
        ("2016-12-23T09:30:00+03:00", date(2016, 12, 23), "day"),
        ("2016/12/23", date(2016, 12, 23), "day"),
        ("23.12.2016", date(2016, 12, 23), "day"),
        ("Published: 23 December 2016 10:32 GMT", date(2016, 12, 23), "day"),
        ("Updated on Dec 23, 2016 | 10:32 AM", date(2016, 12, 23), "day"),
        ("December 2016", date(2016, 12, 1), "month"),
        # stamps with the time first, a zone alone, the year first, a two-digit offset
        ("10:15 AM ET, Fri December 23, 2016", date(2016, 12, 23), "day"),
        ("4:02 PM, Dec 23, 2016 CT", date(2016, 12, 23), "day"),
        ("23 December 2016 GMT", date(2016, 12, 23), "day"),
        ("2016 Dec 23", date(2016, 12, 23), "day"),
        ("2016-12-23 09:30:00.123456-05", date(2016, 12, 23), "day"),
    ],
)
def test_news_date_formats(text, expected, precision):
    parsed = parse_date(text)
    assert parsed is not None, text
    assert parsed.value == expected
    assert parsed.precision == precision


def test_numeric_order_is_decided_by_weekday():
    # 03/08/2023 is Wednesday 8 March (day first) or Thursday 3 August (month first)
    assert parse_date("Wednesday 8/3/2023").value == date(2023, 3, 8)
    assert parse_date("Thursday 8/3/2023").value == date(2023, 8, 3)


def test_numeric_order_by_value_then_day_first():
    assert parse_date("12/23/2016").value == date(2016, 12, 23)  # 23 cannot be a month
    assert parse_date("05/06/2016").value == date(2016, 6, 5)  # ambiguous: day first


@pytest.mark.parametrize(
    "text",
    ["", "2 min read", "The minister met his counterpart on 23 December 2016.", "31 February 2016",
     "By John Smith", "2016", "23/13/2016x", "10:15 AM", "10:15 AM ET, updated"],
)
def test_not_a_date_line(text):
    assert parse_date(text) is None
