// embind registration of the training race (full build only): the RawRace class, which
// core_api.mjs wraps as Race, parseCsvDataset, RawCsvReader (wrapped as CsvReader), and the
// structs their methods return. Registration only: see race_api.cpp.
#include <emscripten/bind.h>

#include "bindings/race_api.hpp"
#include "bindings/result_object.hpp"

namespace {

using namespace lossplay::js;  // NOLINT(google-build-using-namespace): registration only

JsArray class_names(const CsvDatasetResult& dataset) {
  JsArray out = JsArray::array();
  for (const auto& name : dataset.class_names) {
    out.call<void>("push", JsValue(name));
  }
  return out;
}

void register_results() {
  JsResultObject<RunHistoryResult>("RunHistory")
      .array<&RunHistoryResult::loss>("loss")
      .array<&RunHistoryResult::train_accuracy>("trainAccuracy")
      .array<&RunHistoryResult::test_accuracy>("testAccuracy")
      .array<&RunHistoryResult::gradient_norm>("gradientNorm")
      .value("diverged", &RunHistoryResult::diverged)
      .value("divergedEpoch", &RunHistoryResult::diverged_epoch);
  JsResultObject<RaceHistoryResult>("RaceHistory")
      .value("epoch", &RaceHistoryResult::epoch)
      .value("ce", &RaceHistoryResult::ce)
      .value("mse", &RaceHistoryResult::mse);
  JsResultObject<ProgressResult>("RaceProgress")
      .value("epoch", &ProgressResult::epoch)
      .value("fraction", &ProgressResult::fraction)
      .value("started", &ProgressResult::started);
  JsResultObject<DivergedResult>("Diverged")
      .value("ce", &DivergedResult::ce)
      .value("mse", &DivergedResult::mse);
  JsResultObject<LayerNormsResult>("LayerNorms")
      .array<&LayerNormsResult::ce>("ce")
      .array<&LayerNormsResult::mse>("mse");
  JsResultObject<RaceInfoResult>("RaceInfo")
      .value("trainRows", &RaceInfoResult::train_rows)
      .value("testRows", &RaceInfoResult::test_rows)
      .value("features", &RaceInfoResult::features)
      .value("classes", &RaceInfoResult::classes)
      .value("depth", &RaceInfoResult::depth)
      .value("weights", &RaceInfoResult::weights)
      .value("weightScale", &RaceInfoResult::weight_scale);
  JsResultObject<LabelledPoints>("LabelledPoints")
      .array<&LabelledPoints::x>("x")
      .array<&LabelledPoints::y>("y");
  JsResultObject<RacePointsResult>("RacePoints")
      .value("train", &RacePointsResult::train)
      .value("test", &RacePointsResult::test);
  JsResultObject<CsvDatasetResult>("CsvDataset")
      .value("rows", &CsvDatasetResult::rows)
      .value("features", &CsvDatasetResult::features)
      .value("classes", &CsvDatasetResult::classes)
      .computed("classNames", &class_names)
      .array<&CsvDatasetResult::x>("x")
      .array<&CsvDatasetResult::y>("y");
}

}  // namespace

EMSCRIPTEN_BINDINGS(lossplay_race) {
  register_results();
  using lossplay::js::RawRace;
  emscripten::class_<RawRace>("RawRace")
      .constructor<const lossplay::js::JsObject&>()
      .function("error", &RawRace::error)
      .function("step", &RawRace::step)
      .function("train", &RawRace::train)
      .function("progress", &RawRace::progress)
      .function("startProbabilities", &RawRace::start_probabilities)
      .function("epoch", &RawRace::epoch)
      .function("diverged", &RawRace::diverged)
      .function("history", &RawRace::history)
      .function("historySince", &RawRace::history_since)
      .function("info", &RawRace::info)
      .function("layerGradientNorms", &RawRace::layer_gradient_norms)
      .function("startLayerNorms", &RawRace::start_layer_norms)
      .function("points", &RawRace::points)
      .function("grid", &RawRace::grid);
  emscripten::function("parseCsvDataset", &lossplay::js::parse_csv_dataset);
  using lossplay::js::RawCsvReader;
  emscripten::class_<RawCsvReader>("RawCsvReader")
      .constructor<>()
      .function("read", &RawCsvReader::read)
      .function("finish", &RawCsvReader::finish);
}
