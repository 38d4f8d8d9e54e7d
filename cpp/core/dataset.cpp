// Train/test split and standardisation.
#include "core/dataset.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/random.hpp"

namespace lossplay {
namespace {

Dataset take_rows(const Dataset& data, const std::vector<std::size_t>& order, std::size_t begin,
                  std::size_t end) {
  Dataset out{data.features, data.classes, {}, {}};
  out.x.reserve((end - begin) * data.features);
  out.y.reserve(end - begin);
  for (std::size_t k = begin; k < end; ++k) {
    const double* source = data.row(order[k]);
    out.x.insert(out.x.end(), source, source + data.features);
    out.y.push_back(data.y[order[k]]);
  }
  return out;
}

}  // namespace

TrainTestSplit split_and_standardize(const Dataset& data, double test_fraction,
                                     std::uint64_t seed) {
  const std::size_t n = data.rows();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  Random random(seed);
  for (std::size_t i = n - 1; i > 0; --i) {  // Fisher–Yates
    std::swap(order[i], order[random.below(i + 1)]);
  }
  const auto test_rows = std::clamp<std::size_t>(
      static_cast<std::size_t>(std::lround(test_fraction * static_cast<double>(n))), 1, n - 1);
  TrainTestSplit split{take_rows(data, order, test_rows, n), take_rows(data, order, 0, test_rows)};

  const std::size_t d = data.features;
  const auto train_rows = static_cast<double>(split.train.rows());
  for (std::size_t j = 0; j < d; ++j) {
    double mean = 0.0;
    for (std::size_t i = 0; i < split.train.rows(); ++i) {
      mean += split.train.x[i * d + j];
    }
    mean /= train_rows;
    double variance = 0.0;
    for (std::size_t i = 0; i < split.train.rows(); ++i) {
      const double centred = split.train.x[i * d + j] - mean;
      variance += centred * centred;
    }
    const double sd = std::sqrt(variance / train_rows);
    const double scale = sd > 0.0 ? 1.0 / sd : 1.0;
    for (Dataset* part : {&split.train, &split.test}) {
      for (std::size_t i = 0; i < part->rows(); ++i) {
        part->x[i * d + j] = (part->x[i * d + j] - mean) * scale;
      }
    }
  }
  return split;
}

}  // namespace lossplay
