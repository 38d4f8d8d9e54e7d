// The race's setting names: each word maps to its enum, and nothing else does.
#include "core/race_names.hpp"

#include <catch2/catch.hpp>

using lossplay::Activation;
using lossplay::InitPreset;
using lossplay::LossKind;

TEST_CASE("activation names", "[race][names]") {
  CHECK(lossplay::parse_activation("tanh") == Activation::tanh);
  CHECK(lossplay::parse_activation("relu") == Activation::relu);
  CHECK(lossplay::parse_activation("sigmoid") == Activation::sigmoid);
  CHECK_FALSE(lossplay::parse_activation("Tanh").has_value());
  CHECK_FALSE(lossplay::parse_activation("gelu").has_value());
  CHECK_FALSE(lossplay::parse_activation("").has_value());
  CHECK(lossplay::kActivationNames.size() == 3);
}

TEST_CASE("init preset names", "[race][names]") {
  CHECK(lossplay::parse_init_preset("standard") == InitPreset::standard);
  CHECK(lossplay::parse_init_preset("wrong") == InitPreset::confidently_wrong);
  CHECK(lossplay::parse_init_preset("logit") == InitPreset::from_logit);
  CHECK(lossplay::parse_init_preset("bias") == InitPreset::output_bias);
  CHECK_FALSE(lossplay::parse_init_preset("confidently_wrong").has_value());
  CHECK_FALSE(lossplay::parse_init_preset("logit ").has_value());
}

TEST_CASE("loss names", "[race][names]") {
  CHECK(lossplay::parse_loss_kind("ce") == LossKind::cross_entropy);
  CHECK(lossplay::parse_loss_kind("mse") == LossKind::squared_error);
  CHECK_FALSE(lossplay::parse_loss_kind("bce").has_value());
}

TEST_CASE("every listed name parses back to a distinct value", "[race][names]") {
  for (std::size_t i = 0; i < lossplay::kInitPresetNames.size(); ++i) {
    const auto parsed = lossplay::parse_init_preset(lossplay::kInitPresetNames[i]);
    REQUIRE(parsed.has_value());
    CHECK(static_cast<std::size_t>(*parsed) == i);
  }
  for (const auto name : lossplay::kSyntheticKindNames) {
    CHECK(lossplay::synthetic_kind_from_name(name).has_value());
  }
}

TEST_CASE("a word outside the list is named in the error", "[race][names]") {
  CHECK(lossplay::choice_error("activation", lossplay::kActivationNames, "gelu").message ==
        "activation must be \"tanh\", \"relu\" or \"sigmoid\", got \"gelu\"");
  CHECK(lossplay::choice_error("init", lossplay::kInitPresetNames, "x").message ==
        "init must be \"standard\", \"wrong\", \"logit\" or \"bias\", got \"x\"");
  CHECK(lossplay::choice_error("init", lossplay::kInitPresetNames, "x").kind ==
        lossplay::ErrorKind::range);
}
