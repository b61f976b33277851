// Calendar parsers and formatters: strict "YYYY-MM-DD" dates (real calendar days only) and "HH:MM"
// local times within one day.
#include "routes/calendar.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace aircargo::routes {
namespace {

using ::testing::Optional;

std::chrono::year_month_day Ymd(int y, unsigned m, unsigned d) {
  return {std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

TEST(ParseIsoDate, ReturnsTheDateWhenWellFormed) {
  EXPECT_THAT(ParseIsoDate("2024-11-17"), Optional(Ymd(2024, 11, 17)));
  EXPECT_THAT(ParseIsoDate("1999-01-01"), Optional(Ymd(1999, 1, 1)));
  EXPECT_THAT(ParseIsoDate("2025-12-31"), Optional(Ymd(2025, 12, 31)));
}

TEST(ParseIsoDate, AcceptsFebruary29WhenLeapYear) {
  EXPECT_THAT(ParseIsoDate("2024-02-29"), Optional(Ymd(2024, 2, 29)));
  EXPECT_THAT(ParseIsoDate("2000-02-29"), Optional(Ymd(2000, 2, 29)));  // divisible by 400
}

TEST(ParseIsoDate, RejectsFebruary29WhenNotLeapYear) {
  EXPECT_EQ(ParseIsoDate("2025-02-29"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2100-02-29"), std::nullopt);  // century, not divisible by 400
}

TEST(ParseIsoDate, RejectsDayOrMonthWhenOutOfRange) {
  EXPECT_EQ(ParseIsoDate("2025-02-30"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2025-04-31"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2025-01-32"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2025-01-00"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2025-13-01"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2025-00-10"), std::nullopt);
}

TEST(ParseIsoDate, RejectsTextWhenNotExactlyYyyyMmDd) {
  for (const char* text : {"", "2025/01/01", "2025-1-01", "2025-01-1", "25-01-01", "20250101",
                           " 2025-01-01", "2025-01-01 ", "2025-01-01T00:00", "abcd-ef-gh",
                           "2025-0a-01", "+025-01-01", "2025--1-01"}) {
    EXPECT_EQ(ParseIsoDate(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(FormatIsoDate, PadsYearMonthAndDayWhenSmall) {
  EXPECT_EQ(FormatIsoDate(Ymd(2024, 2, 29)), "2024-02-29");
  EXPECT_EQ(FormatIsoDate(Ymd(2025, 12, 31)), "2025-12-31");
  EXPECT_EQ(FormatIsoDate(Ymd(987, 1, 5)), "0987-01-05");
}

TEST(FormatIsoDate, RoundTripsWithParseIsoDateWhenEveryDayOfALeapYear) {
  std::chrono::sys_days day = std::chrono::sys_days(Ymd(2024, 1, 1));
  const std::chrono::sys_days end = std::chrono::sys_days(Ymd(2025, 1, 1));
  int count = 0;
  for (; day < end; day += std::chrono::days(1), ++count) {
    const std::chrono::year_month_day ymd(day);
    const std::string text = FormatIsoDate(ymd);
    EXPECT_THAT(ParseIsoDate(text), Optional(ymd)) << text;
  }
  EXPECT_EQ(count, 366);
}

TEST(ParseLocalTime, ReturnsMinutesAfterMidnightWhenInsideTheDay) {
  EXPECT_THAT(ParseLocalTime("00:00"), Optional(0));
  EXPECT_THAT(ParseLocalTime("07:30"), Optional(450));
  EXPECT_THAT(ParseLocalTime("19:32"), Optional(19 * 60 + 32));
  EXPECT_THAT(ParseLocalTime("23:59"), Optional(1439));
}

TEST(ParseLocalTime, RejectsTimeWhenHourOrMinuteOutOfRange) {
  EXPECT_EQ(ParseLocalTime("24:00"), std::nullopt);
  EXPECT_EQ(ParseLocalTime("23:60"), std::nullopt);
  EXPECT_EQ(ParseLocalTime("99:99"), std::nullopt);
}

TEST(ParseLocalTime, RejectsTextWhenNotExactlyHhMm) {
  for (const char* text : {"", "7:30", "07:3", "0730", "07-30", "ab:cd", "07:30 ", " 07:30",
                           "07:30:00", "-1:30", "+7:30", "07:+3"}) {
    EXPECT_EQ(ParseLocalTime(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(FormatLocalTime, PadsHoursAndMinutesWhenSingleDigit) {
  EXPECT_EQ(FormatLocalTime(0), "00:00");
  EXPECT_EQ(FormatLocalTime(65), "01:05");
  EXPECT_EQ(FormatLocalTime(450), "07:30");
  EXPECT_EQ(FormatLocalTime(1439), "23:59");
}

TEST(FormatLocalTime, RoundTripsWithParseLocalTimeWhenEveryMinuteOfTheDay) {
  for (int minute = 0; minute < 24 * 60; ++minute) {
    EXPECT_THAT(ParseLocalTime(FormatLocalTime(minute)), Optional(minute)) << minute;
  }
}

TEST(WeekdayShortName, NamesMondayToSundayWhenValid) {
  EXPECT_STREQ(WeekdayShortName(Weekday::kMonday), "Mon");
  EXPECT_STREQ(WeekdayShortName(Weekday::kThursday), "Thu");
  EXPECT_STREQ(WeekdayShortName(Weekday::kSunday), "Sun");
}

}  // namespace
}  // namespace aircargo::routes
