// The words that name the race's settings in the JS API and in URLs ("tanh", "wrong", "he", "ce"),
// mapped to the core's enums once. Each list is in the enum's order, so a name's index is its
// value; the bindings read settings through these and export the lists. The data sets' names
// (kSyntheticKindNames, synthetic_kind_from_name) live with their generators.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "core/network.hpp"
#include "core/synthetic_datasets.hpp"
#include "core/training_race.hpp"

namespace lossplay {

inline constexpr std::array<std::string_view, 3> kActivationNames{"tanh", "relu", "sigmoid"};
// by_activation, normal, xavier, he: "default" is what the race has always drawn.
inline constexpr std::array<std::string_view, 4> kWeightInitNames{"default", "normal", "xavier",
                                                                  "he"};
// standard, confidently_wrong, from_logit, output_bias.
inline constexpr std::array<std::string_view, 4> kInitPresetNames{"standard", "wrong", "logit",
                                                                  "bias"};
// cross_entropy, squared_error.
inline constexpr std::array<std::string_view, 2> kLossKindNames{"ce", "mse"};

// The enum value a word names, or nothing for any other word (matching is exact).
[[nodiscard]] std::optional<Activation> parse_activation(std::string_view name);
[[nodiscard]] std::optional<InitPreset> parse_init_preset(std::string_view name);
[[nodiscard]] std::optional<WeightInit> parse_weight_init(std::string_view name);
[[nodiscard]] std::optional<LossKind> parse_loss_kind(std::string_view name);

}  // namespace lossplay
