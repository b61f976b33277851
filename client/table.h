// Table: a pure renderer of aligned plain-text tables (a header line, then one line per row),
// and RenderKeyValues for "key  value" detail listings. Widths count UTF-8 code points, columns are
// separated by two spaces, lines carry no trailing whitespace and each ends with '\n'.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace aircargo::client {

enum class Align {
  kLeft,   // text
  kRight,  // numbers, so that digits line up
};

struct Column {
  std::string header;
  Align align = Align::kLeft;
};

class Table {
 public:
  // With every header empty, Render() prints no header line.
  explicit Table(std::vector<Column> columns);

  // One cell per column; missing trailing cells are blank. More cells than columns is a bug
  // (asserted in debug builds; the extra cells are dropped).
  void AddRow(std::vector<std::string> cells);

  std::size_t row_count() const { return rows_.size(); }

  std::string Render() const;

 private:
  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// "key  value" lines with the values aligned after the longest key.
std::string RenderKeyValues(const std::vector<std::pair<std::string, std::string>>& entries);

}  // namespace aircargo::client
