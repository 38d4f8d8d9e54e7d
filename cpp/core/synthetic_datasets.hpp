// Two-dimensional, two-class data sets for the training race, generated from a seed.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/argument_checks.hpp"
#include "core/dataset.hpp"

namespace lossplay {

enum class SyntheticKind { blobs, xor_pattern, circles, spiral };

// The data sets' names in the JS API, in the enum's order.
inline constexpr std::array<std::string_view, 4> kSyntheticKindNames{"blobs", "xor", "circles",
                                                                     "spiral"};

// "blobs", "xor", "circles" or "spiral"; nothing for any other word.
[[nodiscard]] std::optional<SyntheticKind> synthetic_kind_from_name(std::string_view name);

// rows an integer in [20, 5000]; noise in [0, 2].
[[nodiscard]] ArgumentCheck check_synthetic_args(double rows, double noise);

// Blobs: two Gaussian clusters at (±1.5, ±1.5). XOR: the sign of x·y. Circles: an inner disc
// and a ring. Spiral: two interleaved arms. Noise is the standard deviation of Gaussian
// jitter added to every coordinate (blobs: the clusters' spread is 0.5 + noise).
[[nodiscard]] Dataset make_synthetic(SyntheticKind kind, std::size_t rows, double noise,
                                     std::uint64_t seed);

}  // namespace lossplay
