// Seeded generators for the race's 2-D data sets.
#include "core/synthetic_datasets.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/random.hpp"

namespace lossplay {

std::optional<SyntheticKind> synthetic_kind_from_name(std::string_view name) {
  const auto* found = std::find(kSyntheticKindNames.begin(), kSyntheticKindNames.end(), name);
  if (found == kSyntheticKindNames.end()) {
    return std::nullopt;
  }
  return static_cast<SyntheticKind>(found - kSyntheticKindNames.begin());
}

ArgumentCheck check_synthetic_args(double rows, double noise) {
  return first_failure(check_limit(kRaceSize, rows), check_limit(kRaceNoise, noise));
}

Dataset make_synthetic(SyntheticKind kind, std::size_t rows, double noise, std::uint64_t seed) {
  Random random(seed);
  Dataset data{2, 2, {}, {}};
  data.x.reserve(rows * 2);
  data.y.reserve(rows);
  for (std::size_t i = 0; i < rows; ++i) {
    const int label = static_cast<int>(i % 2);
    double a = 0.0;
    double b = 0.0;
    switch (kind) {
      case SyntheticKind::blobs: {
        const double centre = label == 1 ? 1.5 : -1.5;
        a = centre + (0.5 + noise) * random.normal();
        b = centre + (0.5 + noise) * random.normal();
        break;
      }
      case SyntheticKind::xor_pattern: {
        // A point in a random quadrant; the label says whether its coordinates share a sign.
        const double sx = random.uniform() < 0.5 ? -1.0 : 1.0;
        const double sy = label == 1 ? sx : -sx;
        a = sx * (0.3 + 2.0 * random.uniform()) + noise * random.normal();
        b = sy * (0.3 + 2.0 * random.uniform()) + noise * random.normal();
        break;
      }
      case SyntheticKind::circles: {
        const double radius = label == 1 ? 2.0 * random.uniform() : 3.0 + random.uniform();
        const double angle = 2.0 * std::numbers::pi * random.uniform();
        a = radius * std::cos(angle) + noise * random.normal();
        b = radius * std::sin(angle) + noise * random.normal();
        break;
      }
      case SyntheticKind::spiral: {
        const double t = 0.25 + 3.0 * random.uniform();  // how far along the arm
        const double angle = 1.75 * t * std::numbers::pi + (label == 1 ? std::numbers::pi : 0.0);
        a = t * std::cos(angle) + noise * random.normal();
        b = t * std::sin(angle) + noise * random.normal();
        break;
      }
    }
    data.x.push_back(a);
    data.x.push_back(b);
    data.y.push_back(label);
  }
  return data;
}

}  // namespace lossplay
