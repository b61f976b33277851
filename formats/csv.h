// A small CSV reader for the OpenFlights .dat files: RFC 4180 quoting ("a, b", "" for a quote),
// comma separators, LF or CRLF line ends, and "\N" (unquoted) as null. One record per line: a
// quoted field may not span lines (OpenFlights never does), so line numbers stay exact. Text that
// is not valid UTF-8 is taken as ISO-8859-1 and converted. Not thread-safe per reader; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aircargo::formats {

// One field: nullopt for \N.
using CsvField = std::optional<std::string>;

struct CsvRecord {
  std::int64_t line = 0;  // 1-based
  std::vector<CsvField> fields;
  std::string error;  // non-empty when the line is malformed (unterminated quote, ...)
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // Reads the next non-empty line into `record`; false at the end.
  bool Next(CsvRecord& record);

  // Bytes consumed so far (for progress).
  std::size_t offset() const { return pos_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::int64_t line_ = 0;
};

// Parses one line (without its line end) into fields; returns an error message or "".
std::string ParseCsvLine(std::string_view line, std::vector<CsvField>& fields);

// `text` as UTF-8: unchanged when it is valid UTF-8, converted from ISO-8859-1 otherwise.
std::string ToUtf8(std::string_view text);

}  // namespace aircargo::formats
