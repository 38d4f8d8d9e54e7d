// A labelled data set with numeric features, and the train/test preparation every race uses:
// a seeded shuffle-split and standardisation with the training set's statistics.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lossplay {

struct Dataset {
  std::size_t features = 0;
  std::size_t classes = 0;
  std::vector<double> x;  // rows × features, row-major
  std::vector<int> y;     // class index per row, in [0, classes)

  [[nodiscard]] std::size_t rows() const { return y.size(); }
  [[nodiscard]] const double* row(std::size_t i) const { return x.data() + i * features; }
};

struct TrainTestSplit {
  Dataset train;
  Dataset test;
};

// Shuffles with the seed, puts round(test_fraction · rows) rows (at least one) into test, and
// standardises every feature to mean 0 and standard deviation 1 on the training rows (a
// constant feature is only centred). Precondition: rows ≥ 2, 0 < test_fraction < 1.
[[nodiscard]] TrainTestSplit split_and_standardize(const Dataset& data, double test_fraction,
                                                   std::uint64_t seed);

}  // namespace lossplay
