// The naive binary cross-entropy that many code bases write, kept only so the page can show,
// next to the value computed from the logit, what clamping hides. Not used for anything else.
//
//   p = 1 / (1 + e^−z), p̃ = clamp(p, ε, 1 − ε), CE~ = −[y ln p̃ + (1 − y) ln(1 − p̃)].
//
// Its gradient is the one automatic differentiation computes through that code: p − y where
// the clamp is inactive, and exactly 0 where it is active (the clamp's derivative is 0), so a
// confidently wrong example stops contributing to learning at all.
#pragma once

#include "core/argument_checks.hpp"

namespace lossplay {

struct ClampedBinaryLosses {
  double p;       // p̃, the clamped probability
  double ce;      // CE~
  double dce_dz;  // p − y, or 0 where the clamp is active
  bool clamped;   // whether p was moved by the clamp
};

// z finite, y ∈ [0, 1], ε ∈ [1e−16, 0.5] (kClampEpsilon), where 1 − ε < 1.
[[nodiscard]] ArgumentCheck check_clamped_args(double z, double y, double epsilon);

// Precondition: check_clamped_args passes.
[[nodiscard]] ClampedBinaryLosses clamped_binary_ce(double z, double y, double epsilon);

}  // namespace lossplay
