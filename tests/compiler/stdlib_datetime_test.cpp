// formatdate and timeadd: doc page examples and go-cty's parse errors.
#include "stdlib_test_util.hpp"

using hjob::testing::check_cases;

TEST_CASE("formatdate") {
    check_cases({
        {R"(formatdate("DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z"))", R"("02 Jan 2018 23:12 UTC")"},
        {R"(formatdate("EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z"))", R"("Tuesday, 02-Jan-18 23:12:01 UTC")"},
        {R"(formatdate("EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00"))", R"("Tue, 02 Jan 2018 23:12:01 -0800")"},
        {R"(formatdate("MMM DD, YYYY", "2018-01-02T23:12:01Z"))", R"("Jan 02, 2018")"},
        {R"(formatdate("HH:mmaa", "2018-01-02T23:12:01Z"))", R"("11:12pm")"},
        {R"(formatdate("h:m:s AA", "2018-01-02T00:05:09Z"))", R"("0:5:9 AM")"},
        {R"(formatdate("YYYY-MM-DD'T'hh:mm:ssZ", "2018-01-02T23:12:01+05:30"))", R"("2018-01-02T23:12:01+05:30")"},
        {R"(formatdate("'It''s' MMMM D", "2024-02-29T12:00:00Z"))", R"("It's February 29")"},
        {R"(formatdate("ZZZZZ Z", "2018-01-02T23:12:01Z"))", R"("+00:00 Z")"},
        {R"(formatdate("YYY", "2018-01-02T23:12:01Z"))", nullptr, R"(invalid date format verb "YYY": year must either be "YY" or "YYYY")"},
        {R"(formatdate("'abc", "2018-01-02T23:12:01Z"))", nullptr, "unterminated literal '"},
        {R"(formatdate("YYYY", "2018-01-02"))", nullptr, "not a valid RFC3339 timestamp: missing required time introducer 'T'"},
        {R"(formatdate("YYYY", "2018-13-02T00:00:00Z"))", nullptr, "not a valid RFC3339 timestamp: month out of range"},
        {R"(formatdate("YYYY", "20x8-01-02T00:00:00Z"))", nullptr, "not a valid RFC3339 timestamp"},
        {R"(formatdate("YYYY", "2018-01-02T00:00:00"))", nullptr, "not a valid RFC3339 timestamp: end of string before UTC offset"},
    });
}

TEST_CASE("timeadd") {
    check_cases({
        {R"(timeadd("2017-11-22T00:00:00Z", "10m"))", R"("2017-11-22T00:10:00Z")"},
        {R"(timeadd("2017-11-22T00:00:00Z", "-1h"))", R"("2017-11-21T23:00:00Z")"},
        {R"(timeadd("2017-11-22T00:00:00Z", "1.5h"))", R"("2017-11-22T01:30:00Z")"},
        {R"(timeadd("2017-11-22T00:00:00Z", "2h45m30s"))", R"("2017-11-22T02:45:30Z")"},
        {R"(timeadd("2016-02-28T23:00:00+01:00", "24h"))", R"("2016-02-29T23:00:00+01:00")"},
        {R"(timeadd("2017-11-22T00:00:00+00:00", "1s"))", R"("2017-11-22T00:00:01Z")"},
        {R"(timeadd("2017-11-22T00:00:00.999Z", "1ms"))", R"("2017-11-22T00:00:01Z")"},
        {R"(timeadd("2017-11-22T00:00:00Z", "1d"))", nullptr, R"(time: unknown unit "d" in duration "1d")"},
        {R"(timeadd("2017-11-22T00:00:00Z", "10"))", nullptr, R"(time: missing unit in duration "10")"},
        {R"(timeadd("2017-11-22T00:00:00Z", "abc"))", nullptr, R"(time: invalid duration "abc")"},
        {R"(timeadd("2017-11-22", "1h"))", nullptr, "not a valid RFC3339 timestamp"},
    });
}
