#include "formats/ssim_records.h"

#include <array>
#include <string>

namespace aircargo::formats {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                      "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

// Columns are 1-based and inclusive, as the SSIM manual states them.
std::string_view Cols(std::string_view record, std::size_t first, std::size_t last) {
  return record.substr(first - 1, last - first + 1);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

std::optional<int> Digits(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int value = 0;
  for (char c : s) {
    if (!IsDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string TrimRight(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// "HHMM" -> minutes after midnight (00:00..23:59; "2400" is accepted as 1440 for arrivals).
std::optional<int> ParseHhmm(std::string_view s, bool allow_2400) {
  const auto hh = Digits(s.substr(0, 2));
  const auto mm = Digits(s.substr(2, 2));
  if (s.size() != 4 || !hh || !mm || *mm > 59) return std::nullopt;
  if (*hh == 24 && *mm == 0 && allow_2400) return 1440;
  if (*hh > 23) return std::nullopt;
  return *hh * 60 + *mm;
}

// "+HHMM" / "-HHMM" -> minutes ahead of UTC (-14:00..+14:00).
std::optional<int> ParseVariation(std::string_view s) {
  if (s.size() != 5 || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  const auto hh = Digits(s.substr(1, 2));
  const auto mm = Digits(s.substr(3, 2));
  if (!hh || !mm || *mm > 59 || *hh * 60 + *mm > 14 * 60) return std::nullopt;
  const int minutes = *hh * 60 + *mm;
  return s[0] == '-' ? -minutes : minutes;
}

// Date variation character: blank = not stated, '0'..'9', 'A' = -1.
bool ParseDateVariation(char c, std::optional<int>& out) {
  if (c == ' ') {
    out.reset();
  } else if (IsDigit(c)) {
    out = c - '0';
  } else if (c == 'A') {
    out = -1;
  } else {
    return false;
  }
  return true;
}

bool IsStation(std::string_view s) {
  return s.size() == 3 && IsUpper(s[0]) && IsUpper(s[1]) && IsUpper(s[2]);
}

// Airline designator: two or three letters/digits, left-aligned ("XX ", "ABC").
bool ParseAirline(std::string_view s, std::string& out) {
  out = TrimRight(s);
  if (out.size() < 2) return false;
  for (char c : out) {
    if (!IsUpper(c) && !IsDigit(c)) return false;
  }
  return true;
}

struct Reader {
  std::string_view r;
  SsimRecord& out;

  bool Fail(std::string message) {
    out.problem = SsimProblem::kBadField;
    out.message = std::move(message);
    return false;
  }

  // Columns 2-13: the flight's identity, shared by types 3 and 4.
  bool FlightIdentity() {
    SsimLeg& leg = out.leg;
    leg.operational_suffix = r[1];
    if (leg.operational_suffix != ' ' && !IsUpper(leg.operational_suffix))
      return Fail("operational suffix (column 2) " + Quoted(Cols(r, 2, 2)));
    if (!ParseAirline(Cols(r, 3, 5), leg.airline))
      return Fail("airline designator (columns 3-5) " + Quoted(Cols(r, 3, 5)));
    std::string_view number = Cols(r, 6, 9);
    while (!number.empty() && number.front() == ' ') number.remove_prefix(1);
    const auto flight = Digits(number);
    if (!flight || *flight < 1) return Fail("flight number (columns 6-9) " + Quoted(Cols(r, 6, 9)));
    leg.flight_number = *flight;
    const auto ivi = Digits(Cols(r, 10, 11));
    if (!ivi) return Fail("itinerary variation (columns 10-11) " + Quoted(Cols(r, 10, 11)));
    leg.itinerary_variation = *ivi;
    if (r[127] != ' ') {
      if (!IsDigit(r[127])) return Fail("itinerary variation overflow (column 128)");
      leg.itinerary_variation += 100 * (r[127] - '0');
    }
    const auto seq = Digits(Cols(r, 12, 13));
    if (!seq || *seq < 1)
      return Fail("leg sequence number (columns 12-13) " + Quoted(Cols(r, 12, 13)));
    leg.leg_sequence = *seq;
    leg.service_type = r[13];
    if (!IsUpper(leg.service_type))
      return Fail("service type (column 14) " + Quoted(Cols(r, 14, 14)));
    return true;
  }

  bool Leg() {
    if (!FlightIdentity()) return false;
    SsimLeg& leg = out.leg;
    const auto from = ParseSsimDate(Cols(r, 15, 21));
    if (!from) return Fail("period of operation from (columns 15-21) " + Quoted(Cols(r, 15, 21)));
    leg.period_from = *from;
    if (Cols(r, 22, 28) != "00XXX00") {
      leg.period_to = ParseSsimDate(Cols(r, 22, 28));
      if (!leg.period_to)
        return Fail("period of operation to (columns 22-28) " + Quoted(Cols(r, 22, 28)));
      if (*leg.period_to < leg.period_from)
        return Fail("period of operation ends before it starts");
    }
    bool any = false;
    for (int d = 1; d <= 7; ++d) {
      const char c = r[27 + d];
      if (c == static_cast<char>('0' + d)) {
        leg.days[d - 1] = any = true;
      } else if (c != ' ') {
        return Fail("days of operation (columns 29-35) " + Quoted(Cols(r, 29, 35)));
      }
    }
    if (!any) return Fail("days of operation (columns 29-35) name no day");
    leg.frequency_rate = r[35];
    if (!IsStation(Cols(r, 37, 39)))
      return Fail("departure station (columns 37-39) " + Quoted(Cols(r, 37, 39)));
    leg.departure_station = std::string(Cols(r, 37, 39));
    const auto std_minute = ParseHhmm(Cols(r, 44, 47), false);
    if (!std_minute) return Fail("aircraft STD (columns 44-47) " + Quoted(Cols(r, 44, 47)));
    leg.departure_minute = *std_minute;
    const auto dep_var = ParseVariation(Cols(r, 48, 52));
    if (!dep_var) return Fail("departure UTC variation (columns 48-52) " + Quoted(Cols(r, 48, 52)));
    leg.departure_variation = *dep_var;
    if (!IsStation(Cols(r, 55, 57)))
      return Fail("arrival station (columns 55-57) " + Quoted(Cols(r, 55, 57)));
    leg.arrival_station = std::string(Cols(r, 55, 57));
    const auto sta = ParseHhmm(Cols(r, 58, 61), true);
    if (!sta) return Fail("aircraft STA (columns 58-61) " + Quoted(Cols(r, 58, 61)));
    leg.arrival_minute = *sta;
    const auto arr_var = ParseVariation(Cols(r, 66, 70));
    if (!arr_var) return Fail("arrival UTC variation (columns 66-70) " + Quoted(Cols(r, 66, 70)));
    leg.arrival_variation = *arr_var;
    leg.aircraft_type = TrimRight(Cols(r, 73, 75));
    if (!ParseDateVariation(r[192], leg.departure_date_variation) ||
        !ParseDateVariation(r[193], leg.arrival_date_variation)) {
      return Fail("date variation (columns 193-194) " + Quoted(Cols(r, 193, 194)));
    }
    return true;
  }

  bool Carrier() {
    SsimCarrier& c = out.carrier;
    c.time_mode = r[1];
    if (c.time_mode != 'U' && c.time_mode != 'L')
      return Fail("time mode (column 2) must be U or L, got " + Quoted(Cols(r, 2, 2)));
    if (!ParseAirline(Cols(r, 3, 5), c.airline))
      return Fail("airline designator (columns 3-5) " + Quoted(Cols(r, 3, 5)));
    c.season = TrimRight(Cols(r, 11, 13));
    if (Cols(r, 15, 21) != "       ") {
      c.valid_from = ParseSsimDate(Cols(r, 15, 21));
      if (!c.valid_from) return Fail("period of schedule validity from (columns 15-21)");
    }
    if (Cols(r, 22, 28) != "       " && Cols(r, 22, 28) != "00XXX00") {
      c.valid_to = ParseSsimDate(Cols(r, 22, 28));
      if (!c.valid_to) return Fail("period of schedule validity to (columns 22-28)");
    }
    return true;
  }

  bool Trailer() {
    SsimTrailer& t = out.trailer;
    t.airline = TrimRight(Cols(r, 3, 5));
    const auto check = Digits(Cols(r, 188, 193));
    t.check_reference = check ? *check : -1;
    t.end_code = r[193];
    return true;
  }
};

}  // namespace

std::optional<std::chrono::year_month_day> ParseSsimDate(std::string_view text) {
  if (text.size() != 7) return std::nullopt;
  const auto day = Digits(text.substr(0, 2));
  const auto year = Digits(text.substr(5, 2));
  if (!day || !year) return std::nullopt;
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (text.substr(2, 3) != kMonths[m]) continue;
    const std::chrono::year_month_day date{
        std::chrono::year{*year < 70 ? 2000 + *year : 1900 + *year},
        std::chrono::month{static_cast<unsigned>(m + 1)},
        std::chrono::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) return std::nullopt;
    return date;
  }
  return std::nullopt;
}

std::string FormatSsimDate(std::chrono::year_month_day date) {
  const unsigned day = static_cast<unsigned>(date.day());
  const int year = static_cast<int>(date.year()) % 100;
  std::string out;
  out += static_cast<char>('0' + day / 10);
  out += static_cast<char>('0' + day % 10);
  out += kMonths[static_cast<unsigned>(date.month()) - 1];
  out += static_cast<char>('0' + year / 10);
  out += static_cast<char>('0' + year % 10);
  return out;
}

SsimRecord ReadSsimRecord(std::string_view bytes, std::int64_t number) {
  SsimRecord out;
  out.number = number;
  for (char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7E) {
      out.problem = SsimProblem::kNonAscii;
      out.message = "byte 0x" + std::string(1, "0123456789ABCDEF"[u >> 4]) +
                    std::string(1, "0123456789ABCDEF"[u & 15]) + " is not printable ASCII";
      return out;
    }
  }
  if (bytes.size() < kSsimRecordSize) {
    out.problem = SsimProblem::kTruncated;
    out.message = "record has " + std::to_string(bytes.size()) + " bytes, expected 200";
    return out;
  }
  if (bytes.size() > kSsimRecordSize) {
    out.problem = SsimProblem::kOverlong;
    out.message = "record has " + std::to_string(bytes.size()) + " bytes, expected 200";
    return out;
  }
  out.type = bytes[0];
  if (out.type == '0') {
    if (bytes.find_first_not_of('0') != std::string_view::npos) {
      out.problem = SsimProblem::kBadField;
      out.message = "record type 0 must be all zeros (block padding)";
    }
    return out;
  }
  if (out.type < '1' || out.type > '5') {
    out.problem = SsimProblem::kUnknownType;
    out.message = "unknown record type " + Quoted(bytes.substr(0, 1));
    out.type = ' ';
    return out;
  }
  const auto serial = Digits(Cols(bytes, 195, 200));
  out.serial = serial ? *serial : -1;
  Reader reader{bytes, out};
  switch (out.type) {
    case '2':
      reader.Carrier();
      break;
    case '3':
      reader.Leg();
      break;
    case '4':
      reader.FlightIdentity();
      break;
    case '5':
      reader.Trailer();
      break;
    default:
      break;
  }
  return out;
}

std::vector<SsimRecord> ReadSsimRecords(std::string_view text) {
  std::vector<SsimRecord> records;
  const bool blocks = text.find('\n') == std::string_view::npos && !text.empty() &&
                      text.size() % kSsimRecordSize == 0;
  std::int64_t number = 0;
  while (!text.empty()) {
    std::string_view record;
    if (blocks) {
      record = text.substr(0, kSsimRecordSize);
      text.remove_prefix(kSsimRecordSize);
    } else {
      const std::size_t end = text.find('\n');
      record = text.substr(0, end);
      text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
      if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
    }
    ++number;
    if (record.empty()) continue;  // blank lines (a trailing newline) are not records
    records.push_back(ReadSsimRecord(record, number));
  }
  return records;
}

}  // namespace aircargo::formats
