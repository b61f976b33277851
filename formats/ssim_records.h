// SSIM Chapter 7 record reader: splits a file into its 200-byte records and reads the fields the
// importer uses. Field positions (1-based columns, IATA SSIM Chapter 7; the same positions three
// independent public parsers use, see ../shared/data/ssim/README.md):
//
//   every record   1 record type ('1'..'5'; a record of only '0' is block padding),
//                  195-200 record serial number (6 digits)
//   type 1 header  2-35 "AIRLINE STANDARD SCHEDULE DATA SET" (not checked)
//   type 2 carrier 2 time mode ('U' UTC, 'L' local), 3-5 airline designator, 11-13 season,
//                  15-21 / 22-28 period of schedule validity from/to (DDMMMYY), 29-35 creation date
//   type 3 leg     2 operational suffix, 3-5 airline designator, 6-9 flight number,
//                  10-11 itinerary variation identifier (IVI), 12-13 leg sequence number,
//                  14 service type, 15-21 period of operation from (DDMMMYY), 22-28 period to
//                  (DDMMMYY, "00XXX00" = until further notice), 29-35 days of operation (column
//                  28+d holds digit d or a blank; 1 = Monday), 36 frequency rate (blank or '1'
//                  weekly, '2' fortnightly), 37-39 departure station, 40-43 passenger STD,
//                  44-47 aircraft STD (HHMM), 48-52 departure UTC/local time variation (+HHMM),
//                  55-57 arrival station, 58-61 aircraft STA, 62-65 passenger STA, 66-70 arrival
//                  UTC/local variation, 73-75 aircraft type (IATA code), 128 IVI overflow (a
//                  digit: IVI + 100 x overflow), 193 departure date variation, 194 arrival date
//                  variation (blank/'0'..'9' days after the flight date, 'A' = the day before;
//                  blank = not stated)
//   type 4 segment 2-28 as type 3, 29 board point indicator, 30 off point indicator,
//                  31-33 data element identifier, 34-36 board point, 37-39 off point, 40-194 data
//                  (read for the record count only)
//   type 5 trailer 3-5 airline designator, 188-193 serial number check reference (the serial of
//                  the record before the trailer), 194 continuation/end code ('C' or 'E')
//
// A record is one line (LF or CRLF; the terminator is not part of it) or, for a file with no line
// breaks whose size is a multiple of 200, each 200-byte block. Records that are not exactly 200
// bytes, hold bytes outside printable ASCII, or have a field that does not parse are returned with
// `problem` set and `reason` naming the counter (see SsimProblem); the reader never throws.
// Thread-safe (no shared state).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aircargo::formats {

// Why a record could not be read. kNone: it was read.
enum class SsimProblem {
  kNone = 0,
  kTruncated,    // shorter than 200 bytes
  kOverlong,     // longer than 200 bytes
  kNonAscii,     // a byte outside printable ASCII (0x20..0x7E)
  kBadField,     // a field does not parse (message says which)
  kUnknownType,  // record type not 0..5
};

struct SsimCarrier {
  char time_mode = 'U';  // 'U' or 'L'
  std::string airline;   // designator, trailing blanks removed
  std::string season;    // "S05", may be empty
  std::optional<std::chrono::year_month_day> valid_from;
  std::optional<std::chrono::year_month_day> valid_to;  // none: blank or until further notice
};

struct SsimLeg {
  char operational_suffix = ' ';
  std::string airline;          // designator, trailing blanks removed ("XX", "ABC")
  int flight_number = 0;        // 1..9999
  int itinerary_variation = 0;  // 1..999 (with the overflow digit)
  int leg_sequence = 0;         // 1..99
  char service_type = ' ';
  std::chrono::year_month_day period_from{};
  std::optional<std::chrono::year_month_day> period_to;  // none: "00XXX00"
  std::array<bool, 7> days{};                            // Monday first
  char frequency_rate = ' ';  // ' ' or '1' weekly, '2' fortnightly, else as read
  std::string departure_station;
  int departure_minute = 0;     // aircraft STD, minutes after midnight (0..1439)
  int departure_variation = 0;  // minutes ahead of UTC (+0800 -> 480)
  std::string arrival_station;
  int arrival_minute = 0;  // aircraft STA
  int arrival_variation = 0;
  std::string aircraft_type;                    // trailing blanks removed
  std::optional<int> departure_date_variation;  // days after the flight date; -1 for 'A'
  std::optional<int> arrival_date_variation;    // none: blank (not stated)
};

struct SsimTrailer {
  std::string airline;
  std::int64_t check_reference = 0;  // -1 when not digits
  char end_code = ' ';
};

struct SsimRecord {
  std::int64_t number = 0;   // 1-based position in the file (line number)
  char type = ' ';           // '0' (padding), '1'..'5'; ' ' when unreadable
  std::int64_t serial = -1;  // columns 195-200, -1 when not digits
  SsimProblem problem = SsimProblem::kNone;
  std::string message;  // what is wrong, when problem != kNone
  SsimCarrier carrier;  // type 2
  SsimLeg leg;          // type 3 and 4 (4: the flight's identity only)
  SsimTrailer trailer;  // type 5
};

inline constexpr std::size_t kSsimRecordSize = 200;

// Splits `text` into records and reads each one.
std::vector<SsimRecord> ReadSsimRecords(std::string_view text);

// Reads one record (without its line terminator) found at position `number`.
SsimRecord ReadSsimRecord(std::string_view bytes, std::int64_t number);

// "DDMMMYY" -> date (years 00-69 are 20xx, 70-99 19xx); none when malformed.
std::optional<std::chrono::year_month_day> ParseSsimDate(std::string_view text);
// date -> "DDMMMYY".
std::string FormatSsimDate(std::chrono::year_month_day date);

}  // namespace aircargo::formats
