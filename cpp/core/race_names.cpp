// Word-to-enum lookups over the name lists of race_names.hpp.
#include "core/race_names.hpp"

#include <algorithm>
#include <cstddef>

namespace lossplay {
namespace {

// The enum whose value is the word's index in `names`.
template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::string_view, N>& names, std::string_view name) {
  const auto* found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) {
    return std::nullopt;
  }
  return static_cast<Enum>(found - names.begin());
}

}  // namespace

std::optional<Activation> parse_activation(std::string_view name) {
  return lookup<Activation>(kActivationNames, name);
}

std::optional<InitPreset> parse_init_preset(std::string_view name) {
  return lookup<InitPreset>(kInitPresetNames, name);
}

std::optional<WeightInit> parse_weight_init(std::string_view name) {
  return lookup<WeightInit>(kWeightInitNames, name);
}

std::optional<LossKind> parse_loss_kind(std::string_view name) {
  return lookup<LossKind>(kLossKindNames, name);
}

}  // namespace lossplay
