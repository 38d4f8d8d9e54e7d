// Tables of numbers from CSV/TSV text: the accepted format, reading in pieces cut anywhere
// (the same table as the whole text), each malformed case with the message that names the line
// and column, and the limits.
#include "core/table_reader.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace {

using lossplay::Table;
using lossplay::TableReader;
using lossplay::TableReading;

using Names = std::vector<std::string>;
using Values = std::vector<double>;

// The text read in pieces of `size` bytes.
TableReading read_in_pieces(std::string_view text, std::size_t size) {
  TableReader reader;
  for (std::size_t at = 0; at < text.size(); at += size) {
    reader.read(text.substr(at, size));
  }
  return reader.finish();
}

// The error of a text that must be refused.
std::string error_of(std::string_view text) {
  const auto out = lossplay::read_table(text);
  CHECK_FALSE(out.ok);
  return out.error;
}

void check_same(const TableReading& out, const TableReading& whole) {
  REQUIRE(out.ok == whole.ok);
  CHECK(out.error == whole.error);
  CHECK(out.table.header == whole.table.header);
  CHECK(out.table.columns == whole.table.columns);
  CHECK(out.table.rows == whole.table.rows);
  CHECK(out.table.values == whole.table.values);
  CHECK(out.table.first_line == whole.table.first_line);
}

// `rows` lines of `columns` zeros, separated by commas.
std::string zeros(std::size_t rows, std::size_t columns) {
  std::string line = "0";
  for (std::size_t c = 1; c < columns; ++c) {
    line += ",0";
  }
  line += '\n';
  std::string text;
  text.reserve(rows * line.size());
  for (std::size_t r = 0; r < rows; ++r) {
    text += line;
  }
  return text;
}

}  // namespace

TEST_CASE("a header names the columns; without one, line 1 is data row 1", "[table]") {
  const auto named = lossplay::read_table("z,label\n1.5,1\n-2,0\n");
  REQUIRE(named.ok);
  CHECK(named.table.header == Names{"z", "label"});
  CHECK(named.table.columns == 2);
  CHECK(named.table.rows == 2);
  CHECK(named.table.values == Values{1.5, 1, -2, 0});
  CHECK(named.table.first_line == 2);

  const auto bare = lossplay::read_table("1.5,1\n-2,0");  // no newline after the last line
  REQUIRE(bare.ok);
  CHECK(bare.table.header.empty());
  CHECK(bare.table.columns == 2);
  CHECK(bare.table.rows == 2);
  CHECK(bare.table.values == Values{1.5, 1, -2, 0});
  CHECK(bare.table.first_line == 1);
}

TEST_CASE("one text cell makes the first line a header; an empty cell does not", "[table]") {
  // Numbers may name columns (classes 0 and 1) as long as one name is text.
  const auto classes = lossplay::read_table("0,1,label\n2.5,-1,1\n");
  REQUIRE(classes.ok);
  CHECK(classes.table.header == Names{"0", "1", "label"});
  CHECK(classes.table.rows == 1);
  // A row with a hole is data with a missing number, not a header.
  CHECK(error_of("1,,2\n3,4,5\n") ==
        "line 1, column 2: expected a number such as 0.25 or -1.5e3, got an empty cell");
  // An unnamed column (pandas' index) is fine in a header.
  CHECK(lossplay::read_table(",z\n0,1\n").table.header == Names{"", "z"});
  // Quoted names, as R writes them, lose their quotes; a doubled quote inside is one quote.
  CHECK(lossplay::read_table("\"z 0\",\"say \"\"hi\"\"\"\n1,2\n").table.header ==
        Names{"z 0", "say \"hi\""});
  // A quoted number is a number.
  CHECK(lossplay::read_table("\"1.5\",\" 2 \"\n").table.values == Values{1.5, 2});
}

TEST_CASE("tab, comma or semicolon, as the first line has it", "[table]") {
  const Values expected{1, 0.5, -3, 4e-3};
  for (const char* text : {"a\tb\n1\t0.5\n-3\t4e-3\n", "a,b\n1,0.5\n-3,4e-3\n",
                           "a;b\n1;0.5\n-3;4e-3\n", "a ; b\n 1 ; 0.5 \n-3;  4e-3\n"}) {
    INFO(text);
    const auto out = lossplay::read_table(text);
    REQUIRE(out.ok);
    CHECK(out.table.header == Names{"a", "b"});
    CHECK(out.table.values == expected);
  }
  // A tab wins over commas, a comma over semicolons.
  CHECK(lossplay::read_table("x, y\tz\n1\t2\n").table.header == Names{"x, y", "z"});
  CHECK(lossplay::read_table("x;y,z\n1,2\n").table.header == Names{"x;y", "z"});
  // Without any of them, one column.
  const auto single = lossplay::read_table("logit\n-1\n2\n");
  CHECK(single.table.columns == 1);
  CHECK(single.table.values == Values{-1, 2});
  // In a TSV an empty first cell is a cell, not a blank to trim away.
  CHECK(error_of("1\t2\n\t3\n") ==
        "line 2, column 1: expected a number such as 0.25 or -1.5e3, got an empty cell");
}

TEST_CASE("CRLF line ends and a byte order mark are read like LF and nothing", "[table]") {
  const auto crlf = lossplay::read_table("\xEF\xBB\xBFz\tlabel\r\n1\t0\r\n2\t1\r\n\r\n");
  REQUIRE(crlf.ok);
  CHECK(crlf.table.header == Names{"z", "label"});
  CHECK(crlf.table.values == Values{1, 0, 2, 1});
  const auto bom_data = lossplay::read_table("\xEF\xBB\xBF-1,2\r\n");
  REQUIRE(bom_data.ok);
  CHECK(bom_data.table.header.empty());
  CHECK(bom_data.table.values == Values{-1, 2});
}

TEST_CASE("read in pieces of every size, the text gives what it gives whole", "[table]") {
  const std::string text =
      "\xEF\xBB\xBFgr\xC3\xB6\xC3\x9F"
      "e,\xCE\xBB \xC2\xBD\r\n"  // größe, λ ½
      "1.25,\xE2\x88\x92"
      "7e-2\r\n"  // −7e-2 with the typographic minus
      "  +3 , .5\n"
      "\"4\",5e300\n\n\r\n";
  const auto whole = lossplay::read_table(text);
  REQUIRE(whole.ok);
  CHECK(whole.table.header == Names{"gr\xC3\xB6\xC3\x9F"
                                    "e",
                                    "\xCE\xBB \xC2\xBD"});
  CHECK(whole.table.values == Values{1.25, -7e-2, 3, 0.5, 4, 5e300});
  for (std::size_t size = 1; size <= text.size(); ++size) {
    INFO("pieces of " << size << " bytes");
    check_same(read_in_pieces(text, size), whole);
  }
  // Two pieces cut at every position, so every line is cut at every place once.
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    INFO("cut at byte " << cut);
    TableReader reader;
    reader.read(std::string_view(text).substr(0, cut));
    reader.read(std::string_view(text).substr(cut));
    check_same(reader.finish(), whole);
  }
}

TEST_CASE("a UTF-8 name cut inside a character arrives whole", "[table]") {
  // Two-, three- and four-byte characters (a four-byte one is a surrogate pair in JS, which
  // the page never cuts; bytes in C++ may be cut anywhere).
  const std::string name = "\xC3\xA9t\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80";  // été € 😀
  const std::string text = name + ",y\n1,2\n";
  for (std::size_t size = 1; size <= text.size(); ++size) {
    INFO("pieces of " << size << " bytes");
    const auto out = read_in_pieces(text, size);
    REQUIRE(out.ok);
    CHECK(out.table.header == Names{name, "y"});
  }
}

TEST_CASE("errors name the same line read whole or in pieces", "[table]") {
  const std::string text = "a,b\n1,2\n3,x4\n5,6\n";
  const std::string expected =
      "line 3, column 2: expected a number such as 0.25 or -1.5e3, got \"x4\"";
  CHECK(error_of(text) == expected);
  for (std::size_t size = 1; size <= text.size(); ++size) {
    INFO("pieces of " << size << " bytes");
    CHECK(read_in_pieces(text, size).error == expected);
  }
  // The first problem ends the reading: read() says so, and later pieces are ignored.
  TableReader reader;
  CHECK(reader.read("a,b\n1,2\n3,x"));  // line 3 is not complete yet
  CHECK_FALSE(reader.read("4\n5,6\n"));
  CHECK_FALSE(reader.read("7,8\n"));
  CHECK(reader.finish().error == expected);
}

TEST_CASE("every row has the first line's number of cells", "[table]") {
  CHECK(error_of("a,b,c,d\n1,2,3,4\n1,2,3\n") == "line 3: 3 cells, expected 4 like line 1");
  CHECK(error_of("1,2\n3,4,5\n") == "line 2: 3 cells, expected 2 like line 1");
  CHECK(error_of("a,b\n1\n") == "line 2: 1 cell, expected 2 like line 1");
  // A trailing separator is one more (empty) cell.
  CHECK(error_of("a,b\n1,2,\n") == "line 2: 3 cells, expected 2 like line 1");
}

TEST_CASE("a bad cell is reported with its line, column and text", "[table]") {
  const auto bad = [](std::string_view cell) {
    return error_of("x,y,z\n1,2,3\n4,5,6\n7,8,9\n0,0,0\n1,1,1\n0,1," + std::string(cell) + "\n");
  };
  CHECK(bad("abc") == "line 7, column 3: expected a number such as 0.25 or -1.5e3, got \"abc\"");
  CHECK(bad("") == "line 7, column 3: expected a number such as 0.25 or -1.5e3, got an empty cell");
  CHECK(bad("\"\"") ==
        "line 7, column 3: expected a number such as 0.25 or -1.5e3, got an empty cell");
  // The pages' grammar: no hexadecimal, inf, nan, digit separators or decimal commas.
  for (const char* cell : {"0x10", "inf", "-Infinity", "NaN", "1_000", "1e", ".", "--1"}) {
    INFO(cell);
    CHECK(bad(cell) == "line 7, column 3: expected a number such as 0.25 or -1.5e3, got \"" +
                           std::string(cell) + "\"");
  }
  CHECK(error_of("a;b\n0,5;1\n") ==
        "line 2, column 1: expected a number such as 0.25 or -1.5e3, got \"0,5\"");
  // Beyond a double: the grammar reads it, the core cannot compute with it.
  CHECK(bad("1e999") ==
        "line 7, column 3: \"1e999\" is beyond the largest number a double holds (about 1.8e308)");
  CHECK(bad("-1e309") ==
        "line 7, column 3: \"-1e309\" is beyond the largest number a double holds (about 1.8e308)");
  // A long cell is cut after 24 bytes, never inside a UTF-8 character (é is two bytes).
  CHECK(bad(std::string(23, 'a') + "\xC3\xA9\xC3\xA9") ==
        "line 7, column 3: expected a number such as 0.25 or -1.5e3, got \"" +
            std::string(23, 'a') + "…\"");
  // Tiny numbers are numbers: they round to subnormals or 0, as JS reads them.
  const auto tiny = lossplay::read_table("1e-320,1e-400\n");
  REQUIRE(tiny.ok);
  CHECK(tiny.table.values == Values{1e-320, 0.0});
}

TEST_CASE("blank lines may only end the file", "[table]") {
  CHECK(error_of("1\n\n2\n") ==
        "line 2 is blank; blank lines may only come at the end of the file");
  CHECK(error_of("a\n1\n \n\t\r\n2\n") ==
        "line 3 is blank; blank lines may only come at the end of the file");
  CHECK(error_of("\n1\n") == "line 1 is blank; blank lines may only come at the end of the file");
  const auto trailing = lossplay::read_table("a\n1\n2\n\n  \n\r\n");
  REQUIRE(trailing.ok);
  CHECK(trailing.table.rows == 2);
}

TEST_CASE("an empty file and a header alone", "[table]") {
  CHECK(error_of("") == "the file is empty");
  CHECK(error_of("\n \r\n\n") == "the file is empty: it has only blank lines");
  CHECK(error_of("\xEF\xBB\xBF") == "the file is empty: it has only blank lines");
  for (const char* text : {"logit,label", "logit,label\n", "logit,label\r\n\r\n"}) {
    INFO(text);
    const auto header = lossplay::read_table(text);
    REQUIRE(header.ok);
    CHECK(header.table.header == Names{"logit", "label"});
    CHECK(header.table.columns == 2);
    CHECK(header.table.rows == 0);
    CHECK(header.table.values.empty());
    CHECK(header.table.first_line == 0);
  }
}

TEST_CASE("the limits: 1001 columns, 10^6 rows, 2.1 × 10^7 cells", "[table][limits]") {
  STATIC_REQUIRE(lossplay::kMaxTableColumns == 1001);
  STATIC_REQUIRE(lossplay::kMaxTableRows == 1'000'000);
  STATIC_REQUIRE(lossplay::kMaxTableCells == 21'000'000);

  const auto widest = lossplay::read_table(zeros(2, 1001));
  REQUIRE(widest.ok);
  CHECK(widest.table.columns == 1001);
  CHECK(error_of(zeros(1, 1002)) == "line 1: 1002 cells; a table may have at most 1001 columns");
  std::string names = "z0";
  for (int c = 1; c < 1002; ++c) {
    names += ",z" + std::to_string(c);
  }
  CHECK(error_of(names + "\n") == "line 1: 1002 cells; a table may have at most 1001 columns");

  const std::string million = zeros(1'000'000, 1);
  const auto longest = lossplay::read_table("p\n" + million);
  REQUIRE(longest.ok);
  CHECK(longest.table.rows == 1'000'000);
  CHECK(error_of("p\n" + million + "1\n") ==
        "line 1000002: a table may have at most 1000000 data rows");

  // 207,920 rows of 101 cells are 20,999,920 cells; one more row would be 21,000,021. (One
  // reader for both, so the 21 million cells are read once.)
  TableReader fullest;
  CHECK(fullest.read(zeros(207'920, 101)));
  CHECK_FALSE(fullest.read(zeros(1, 101)));
  CHECK(fullest.finish().error ==
        "line 207921: a table may have at most 21000000 cells (rows × columns)");
}
