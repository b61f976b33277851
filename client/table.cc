#include "client/table.h"

#include <algorithm>
#include <cassert>
#include <string>
#include <utility>
#include <vector>

#include "client/text.h"

namespace aircargo::client {
namespace {

constexpr char kGap[] = "  ";

void AppendLine(const std::vector<Column>& columns, const std::vector<std::size_t>& widths,
                const std::vector<std::string>& cells, std::string& out) {
  std::string line;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) line += kGap;
    const std::string& cell = cells[i];
    const std::string padding(widths[i] - DisplayWidth(cell), ' ');
    if (columns[i].align == Align::kRight) {
      line += padding;
      line += cell;
    } else {
      line += cell;
      line += padding;
    }
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out += line;
  out += '\n';
}

}  // namespace

Table::Table(std::vector<Column> columns) : columns_(std::move(columns)) {}

void Table::AddRow(std::vector<std::string> cells) {
  assert(cells.size() <= columns_.size());
  cells.resize(columns_.size());
  rows_.push_back(std::move(cells));
}

std::string Table::Render() const {
  const bool has_header = std::any_of(columns_.begin(), columns_.end(),
                                      [](const Column& column) { return !column.header.empty(); });
  std::vector<std::size_t> widths(columns_.size(), 0);
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (has_header) widths[i] = DisplayWidth(columns_[i].header);
    for (const auto& row : rows_) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }

  std::string out;
  if (has_header) {
    std::vector<std::string> headers;
    headers.reserve(columns_.size());
    for (const Column& column : columns_) headers.push_back(column.header);
    AppendLine(columns_, widths, headers, out);
  }
  for (const auto& row : rows_) AppendLine(columns_, widths, row, out);
  return out;
}

std::string RenderKeyValues(const std::vector<std::pair<std::string, std::string>>& entries) {
  Table table({Column{}, Column{}});
  for (const auto& [key, value] : entries) table.AddRow({key, value});
  return table.Render();
}

}  // namespace aircargo::client
