#include "client/table.h"

#include <gtest/gtest.h>

#include <string>

namespace aircargo::client {
namespace {

TEST(Table, PadsLeftAlignedColumnsToTheWidestCell) {
  Table table({{"ID"}, {"CITY"}});
  table.AddRow({"SHE", "Shenyang"});
  table.AddRow({"ICN", "Seoul"});
  EXPECT_EQ(table.Render(),
            "ID   CITY\n"
            "SHE  Shenyang\n"
            "ICN  Seoul\n");
}

TEST(Table, RightAlignsNumericColumnsWhenAskedTo) {
  Table table({{"ID"}, {"T/WEEK", Align::kRight}, {"NOTE"}});
  table.AddRow({"A", "1,234.5", "x"});
  table.AddRow({"B", "7.0", "y"});
  EXPECT_EQ(table.Render(),
            "ID   T/WEEK  NOTE\n"
            "A   1,234.5  x\n"
            "B       7.0  y\n");
}

TEST(Table, CountsCodePointsNotBytesWhenCellsAreUtf8) {
  Table table({{"NAME"}, {"N", Align::kRight}});
  table.AddRow({"Zürich", "1"});
  table.AddRow({"Bern", "22"});
  EXPECT_EQ(table.Render(),
            "NAME     N\n"
            "Zürich   1\n"
            "Bern    22\n");
}

TEST(Table, LeavesNoTrailingSpacesWhenTheLastCellIsShortOrMissing) {
  Table table({{"A"}, {"LONG HEADER"}});
  table.AddRow({"x"});
  const std::string text = table.Render();
  EXPECT_EQ(text, "A  LONG HEADER\nx\n");
}

TEST(Table, OmitsTheHeaderLineWhenAllHeadersAreEmpty) {
  Table table({Column{}, Column{}});
  table.AddRow({"a", "b"});
  EXPECT_EQ(table.Render(), "a  b\n");
}

TEST(RenderKeyValues, AlignsValuesAfterTheLongestKey) {
  EXPECT_EQ(RenderKeyValues({{"name", "Shenyang"}, {"time zone", "Asia/Shanghai"}}),
            "name       Shenyang\n"
            "time zone  Asia/Shanghai\n");
}

}  // namespace
}  // namespace aircargo::client
