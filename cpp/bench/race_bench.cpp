// Native training throughput of the race on a CSV data set (epochs per second, both runs per
// epoch), for logistic regression and for an MLP; `npm run bench` compares it with the same
// race in WASM. Prints one JSON line.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "core/csv_dataset.hpp"
#include "core/training_race.hpp"

namespace {

double epochs_per_second(const lossplay::Dataset& data, std::size_t hidden, int epochs) {
  lossplay::RaceSettings settings;
  settings.hidden = hidden;
  settings.learning_rate = 0.1;
  settings.batch_size = 32;
  lossplay::TrainingRace race(lossplay::split_and_standardize(data, 0.3, 1), settings);
  race.step();  // warm-up
  const auto start = std::chrono::steady_clock::now();
  for (int e = 0; e < epochs; ++e) {
    race.step();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return epochs / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: race_bench DATA.csv [epochs]\n");
    return 2;
  }
  std::ifstream file(argv[1]);
  std::stringstream text;
  text << file.rdbuf();
  const auto parsed = lossplay::parse_csv_dataset(text.str());
  if (!parsed.ok) {
    std::fprintf(stderr, "%s\n", parsed.error.c_str());
    return 1;
  }
  const int epochs = argc > 2 ? std::atoi(argv[2]) : 200;
  std::printf("{\"logistic\": %.2f, \"mlp16\": %.2f}\n", epochs_per_second(parsed.data, 0, epochs),
              epochs_per_second(parsed.data, 16, epochs));
  return 0;
}
