// embind registration of the training race (full build only): the RawRace class, which
// lossplay_core.mjs wraps as Race, parseCsvDataset, and RawCsvReader (wrapped as CsvReader).
// Registration only: see race_api.cpp.
#include <emscripten/bind.h>

#include "bindings/race_api.hpp"

EMSCRIPTEN_BINDINGS(lossplay_race) {
  using lossplay::js::RawRace;
  emscripten::class_<RawRace>("RawRace")
      .constructor<const lossplay::js::JsObject&>()
      .function("error", &RawRace::error)
      .function("step", &RawRace::step)
      .function("epoch", &RawRace::epoch)
      .function("diverged", &RawRace::diverged)
      .function("history", &RawRace::history)
      .function("historySince", &RawRace::history_since)
      .function("info", &RawRace::info)
      .function("layerGradientNorms", &RawRace::layer_gradient_norms)
      .function("points", &RawRace::points)
      .function("grid", &RawRace::grid);
  emscripten::function("parseCsvDataset", &lossplay::js::parse_csv_dataset);
  using lossplay::js::RawCsvReader;
  emscripten::class_<RawCsvReader>("RawCsvReader")
      .constructor<>()
      .function("read", &RawCsvReader::read)
      .function("finish", &RawCsvReader::finish);
}
