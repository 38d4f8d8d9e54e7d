// CSV data sets: the accepted format, and each malformed case with the message that names
// the line and column.
#include "core/csv_dataset.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace {

std::string rows(int n, const std::string& row) {
  std::string text;
  for (int i = 0; i < n; ++i) text += row + (i % 2 == 0 ? ",a\n" : ",b\n");
  return text;
}

}  // namespace

TEST_CASE("a header, numeric features and word labels", "[csv]") {
  const auto out = lossplay::parse_csv_dataset("width,height,kind\r\n" + rows(12, "1.5, -2e3"));
  REQUIRE(out.ok);
  CHECK(out.data.features == 2);
  CHECK(out.data.classes == 2);
  CHECK(out.data.rows() == 12);
  CHECK(out.data.x[1] == -2000.0);
  CHECK(out.class_names == std::vector<std::string>{"a", "b"});
  CHECK(out.data.y[0] == 0);
  CHECK(out.data.y[1] == 1);
}

TEST_CASE("numeric labels are ordered as numbers", "[csv]") {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "0.5," + std::to_string(i % 3 == 0 ? 10 : 9) + "\n";
  const auto out = lossplay::parse_csv_dataset(text);
  REQUIRE(out.ok);
  CHECK(out.class_names == std::vector<std::string>{"9", "10"});
  CHECK(out.data.y[0] == 1);
}

TEST_CASE("each malformed file is rejected with a message naming the place", "[csv]") {
  const std::string good = rows(11, "1,2");
  CHECK(lossplay::parse_csv_dataset(good + "1,2,3,a\n").error ==
        "Line 12 has 4 columns; the lines before it have 3.");
  CHECK(lossplay::parse_csv_dataset(good + "1,x2,a\n").error ==
        "Line 12, column 2: “x2” is not a number.");
  CHECK(lossplay::parse_csv_dataset(good + "1,,a\n").error ==
        "Line 12, column 2: the cell is empty.");
  CHECK(lossplay::parse_csv_dataset(good + "1,2,\n").error ==
        "Line 12 has no label in its last column.");
  CHECK(lossplay::parse_csv_dataset(rows(5, "1,2")).error ==
        "The file needs at least 10 data rows; it has 5.");
  CHECK(lossplay::parse_csv_dataset("").error == "The file is empty.");
  CHECK(lossplay::parse_csv_dataset(std::string(5 * 1024 * 1024, '1')).error ==
        "The file is too large: 5120 KB, and the limit is 4096 KB.");
  std::string one_class;
  for (int i = 0; i < 12; ++i) one_class += "1,2,a\n";
  CHECK(lossplay::parse_csv_dataset(one_class).error ==
        "Every row has the same label; the race needs two classes.");
  std::string many;
  for (int i = 0; i < 12; ++i) many += "1,2,c" + std::to_string(i) + "\n";
  CHECK(lossplay::parse_csv_dataset(many).error ==
        "The last column has 12 different labels; the race handles at most 10 classes.");
  CHECK(lossplay::parse_csv_dataset(good + "1,1e999,a\n").error ==
        "Line 12, column 2: “1e999” is not a number.");
}
