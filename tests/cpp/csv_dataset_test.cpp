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
        "Line 12, column 2: “x2” is not a number. Write decimal numbers such as -2, 0.5 or 1e-3.");
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
        "Line 12, column 2: “1e999” is a number beyond the limit: a value must be a number in "
        "[-1e150, 1e150], got Infinity.");
}

TEST_CASE("cells follow the pages' number grammar: no hex, inf or nan", "[csv]") {
  const std::string good = rows(11, "1,2");
  // strtod read 0x10 as 16, inf and nan as numbers; the number fields refuse them all.
  for (const char* cell : {"0x10", "inf", "-Infinity", "nan", "1_000", "0x1p3"}) {
    INFO(cell);
    CHECK(lossplay::parse_csv_dataset(good + "1," + cell + ",a\n").error ==
          "Line 12, column 2: “" + std::string(cell) +
              "” is not a number. Write decimal numbers such as -2, 0.5 or 1e-3.");
  }
  // 1e200 is a number, only beyond the ±1e150 every array entry of the core keeps to.
  CHECK(lossplay::parse_csv_dataset(good + "1,1e200,a\n").error ==
        "Line 12, column 2: “1e200” is a number beyond the limit: a value must be a number in "
        "[-1e150, 1e150], got 1e+200.");
  const auto signs = lossplay::parse_csv_dataset(rows(11, "+1.5e1,\u2212.5"));
  REQUIRE(signs.ok);
  CHECK(signs.data.x[0] == 15.0);
  CHECK(signs.data.x[1] == -0.5);
}

TEST_CASE("a first line is a header only when none of its feature cells is a number", "[csv]") {
  // A hexadecimal first row is data with a bad cell, not a header that silently drops it.
  CHECK(lossplay::parse_csv_dataset("0x10,2,a\n" + rows(11, "1,2")).error ==
        "Line 1, column 1: “0x10” is not a number. Write decimal numbers such as -2, 0.5 or "
        "1e-3.");
  const auto named = lossplay::parse_csv_dataset("x,y,label\n" + rows(11, "1,2"));
  REQUIRE(named.ok);
  CHECK(named.data.rows() == 11);
  CHECK(lossplay::parse_csv_dataset("x,y,label\n").error ==
        "The file needs at least 10 data rows; it has 0.");
}

TEST_CASE("reading in pieces gives what reading the whole text gives", "[csv]") {
  const std::string text = "width,height,kind\r\n" + rows(12, "1.5, -2e3") + "\n\n3,4,b";
  const auto whole = lossplay::parse_csv_dataset(text);
  REQUIRE(whole.ok);
  for (std::size_t piece = 1; piece <= 7; ++piece) {
    INFO("pieces of " << piece << " bytes");
    lossplay::CsvDatasetReader reader;
    for (std::size_t at = 0; at < text.size(); at += piece) {
      REQUIRE(reader.read(std::string_view(text).substr(at, piece)));
    }
    const auto out = reader.finish();
    REQUIRE(out.ok);
    CHECK(out.data.x == whole.data.x);
    CHECK(out.data.y == whole.data.y);
    CHECK(out.class_names == whole.class_names);
  }
  // A problem stops the reading at its line; later pieces are ignored.
  lossplay::CsvDatasetReader reader;
  CHECK(reader.read(rows(11, "1,2")));
  CHECK(reader.read("1,0x"));  // the line is not complete yet
  CHECK_FALSE(reader.read("10,a\n1,2,a\n"));
  CHECK_FALSE(reader.read("1,2,a\n"));
  CHECK(reader.finish().error ==
        "Line 12, column 2: “0x10” is not a number. Write decimal numbers such as -2, 0.5 or "
        "1e-3.");
}

TEST_CASE("data sets handed in as arrays are checked like parsed ones", "[csv][checks]") {
  const std::vector<double> x(24, 1.0);
  std::vector<double> y(12, 0.0);
  y[1] = 1.0;
  CHECK_FALSE(lossplay::check_dataset_arrays("data.dataset", 2, 2, x, y).has_value());
  CHECK(lossplay::check_dataset_arrays("data.dataset", 3, 2, x, y)->message ==
        "data.dataset.x must hold rows × features = 36 numbers, got 24");
  CHECK(lossplay::check_dataset_arrays("data.dataset", 2, 11, x, y)->message ==
        "data.dataset.classes must be an integer in [2, 10], got 11");
  y[3] = 2.0;
  CHECK(lossplay::check_dataset_arrays("data.dataset", 2, 2, x, y)->message ==
        "data.dataset.y[3] must be an integer in [0, 1], got 2");
  const std::vector<double> few(5, 0.0);
  CHECK(lossplay::check_dataset_arrays("data.dataset", 2, 2, std::vector<double>(10, 1.0), few)
            ->message ==
        "the number of rows, data.dataset.y.length must be an integer in "
        "[10, 20000], got 5");
}
