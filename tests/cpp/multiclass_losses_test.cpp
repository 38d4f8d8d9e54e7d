// Multi-class losses against mpmath references, the K = 2 reduction to the binary case,
// invariances and central differences.
#include "core/multiclass_losses.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "core/binary_losses.hpp"
#include "core/naive_softmax.hpp"
#include "finite_difference.hpp"
#include "reference_values.hpp"

using lossplay::multiclass_losses;
using lossplay::MulticlassLosses;
using lossplay::test::central_gradient;

namespace {

MulticlassLosses losses_for(const lossplay::test::MulticlassReference& ref) {
  return ref.class_index >= 0
             ? multiclass_losses(ref.logits, static_cast<std::size_t>(ref.class_index))
             : multiclass_losses(ref.logits, ref.target);
}

}  // namespace

TEST_CASE("multi-class losses match 60-digit mpmath values", "[multiclass]") {
  for (const auto& ref : lossplay::test::kMulticlassReferences) {
    INFO("logits[0] = " << ref.logits[0] << ", class " << ref.class_index);
    const auto out = losses_for(ref);
    CHECK_REFERENCE(out.ce, ref.ce);
    CHECK_REFERENCE(out.mse, ref.mse);
    for (std::size_t i = 0; i < ref.logits.size(); ++i) {
      INFO("i = " << i);
      CHECK_REFERENCE(out.probs[i], ref.probs[i]);
      CHECK_REFERENCE(out.dce_dlogits[i], ref.dce_dlogits[i]);
      // mpmath's reference gradient here is itself numerical (mp.diff at 60 digits).
      CHECK(lossplay::test::close_to_reference(out.dmse_dlogits[i], ref.dmse_dlogits[i], 1e-12));
    }
  }
}

TEST_CASE("huge logits stay finite: [1000, 0, -1000]", "[multiclass]") {
  const std::vector<double> logits{1000.0, 0.0, -1000.0};
  const auto probs = lossplay::softmax(logits);
  CHECK(probs[0] == 1.0);
  CHECK(probs[1] == 0.0);  // e^−1000 is below the double range
  CHECK(lossplay::log_softmax(logits)[2] == -2000.0);
  CHECK(multiclass_losses(logits, 2).ce == 2000.0);
  CHECK(multiclass_losses(logits, 1).ce == 1000.0);
  CHECK(std::isfinite(multiclass_losses(logits, 2).mse));
}

TEST_CASE("with K = 2 everything reduces to the binary sigmoid case", "[multiclass]") {
  // softmax([z, 0])_0 = σ(z), so class 0 ↔ y = 1; the mean over 2 classes of the squared
  // errors equals the binary (p − y)², and d/dz_0 equals dMSE/dz of the binary case.
  for (double z = -700.0; z <= 700.0; z += 13.7) {
    INFO("z = " << z);
    const std::vector<double> logits{z, 0.0};
    const auto multi = multiclass_losses(logits, 0);
    const auto binary = lossplay::binary_losses(z, 1.0);
    CHECK(multi.probs[0] == Approx(binary.p).epsilon(1e-14));
    CHECK(multi.ce == Approx(binary.ce).epsilon(1e-14).margin(1e-300));
    CHECK(multi.mse == Approx(binary.mse).epsilon(1e-14));
    CHECK(multi.dce_dlogits[0] == Approx(binary.dce_dz).epsilon(1e-14));
    CHECK(multi.dmse_dlogits[0] == Approx(binary.dmse_dz).epsilon(1e-13).margin(1e-300));
  }
  // The tail of a confident correct class keeps its relative accuracy (log1p, not log).
  CHECK(multiclass_losses(std::vector<double>{700.0, 0.0}, 0).ce ==
        Approx(9.859676543759770857e-305).epsilon(1e-14));
}

TEST_CASE("gradients equal central differences, hard and soft targets", "[multiclass][gradient]") {
  const std::vector<std::vector<double>> logit_sets{
      {0.3, -1.2, 2.0}, {4.0, 4.0, -4.0, 0.5}, {-2.0, 7.5}, {1.0, 0.0, -1.0, 2.0, -3.0, 0.25}};
  for (const auto& logits : logit_sets) {
    const std::size_t k = logits.size();
    std::vector<double> soft(k, 0.5 / static_cast<double>(k - 1));
    soft[0] = 0.5;
    for (const auto& target : {soft, std::vector<double>(k, 1.0 / static_cast<double>(k))}) {
      const auto out = multiclass_losses(logits, target);
      const auto ce = [&](const std::vector<double>& z) { return multiclass_losses(z, target).ce; };
      const auto mse = [&](const std::vector<double>& z) {
        return multiclass_losses(z, target).mse;
      };
      const auto dce = central_gradient(ce, logits);
      const auto dmse = central_gradient(mse, logits);
      for (std::size_t i = 0; i < k; ++i) {
        INFO("K = " << k << ", i = " << i);
        CHECK(out.dce_dlogits[i] == Approx(dce[i]).epsilon(1e-7).margin(1e-10));
        CHECK(out.dmse_dlogits[i] == Approx(dmse[i]).epsilon(1e-7).margin(1e-10));
        CHECK(out.dce_dlogits[i] == Approx(out.probs[i] - target[i]).margin(1e-16));
      }
    }
  }
}

TEST_CASE("shifting all logits changes nothing, and gradients sum to zero", "[multiclass]") {
  const std::vector<double> logits{0.7, -0.2, 1.9, -3.0};
  std::vector<double> shifted(logits);
  for (double& z : shifted) {
    z += 123.0;
  }
  const auto a = multiclass_losses(logits, 2);
  const auto b = multiclass_losses(shifted, 2);
  CHECK(a.ce == Approx(b.ce).epsilon(1e-12));
  CHECK(a.mse == Approx(b.mse).epsilon(1e-12));
  CHECK(std::accumulate(a.probs.begin(), a.probs.end(), 0.0) == Approx(1.0).epsilon(1e-15));
  CHECK(std::accumulate(a.dce_dlogits.begin(), a.dce_dlogits.end(), 0.0) ==
        Approx(0.0).margin(1e-15));
  CHECK(std::accumulate(a.dmse_dlogits.begin(), a.dmse_dlogits.end(), 0.0) ==
        Approx(0.0).margin(1e-15));
}

TEST_CASE("log_softmax is ln(softmax) and log_sum_exp its normaliser", "[multiclass]") {
  const std::vector<double> logits{1.5, -0.5, 0.0, 3.25};
  const auto probs = lossplay::softmax(logits);
  const auto log_probs = lossplay::log_softmax(logits);
  double direct = 0.0;
  for (const double z : logits) {
    direct += std::exp(z);
  }
  CHECK(lossplay::log_sum_exp(logits) == Approx(std::log(direct)).epsilon(1e-15));
  for (std::size_t i = 0; i < logits.size(); ++i) {
    CHECK(log_probs[i] == Approx(std::log(probs[i])).epsilon(1e-14));
  }
}

TEST_CASE("multi-class argument checks", "[multiclass][checks]") {
  CHECK(lossplay::check_logits(std::vector<double>{1.0})->message ==
        "logits must have between 2 and 4000000 entries, got 1");
  CHECK(lossplay::check_logits(std::vector<double>{1.0, std::nan("")})->message ==
        "logits[1] must be a finite number in [-1e150, 1e150], got NaN");
  CHECK(lossplay::check_class_index(3.0, 3)->message ==
        "target class index must be an integer in [0, 2], got 3");
  CHECK(lossplay::check_class_index(0.5, 3).has_value());
  CHECK_FALSE(lossplay::check_class_index(2.0, 3).has_value());
  const std::vector<double> bad_sum{0.5, 0.4};
  CHECK(lossplay::check_probability_vector("target", bad_sum, 2)->message ==
        "target must sum to 1 (within 1e-6), got a sum of 0.9");
  const std::vector<double> negative{1.5, -0.5};
  CHECK(lossplay::check_probability_vector("target", negative, 2)->message ==
        "target[0] must be a number in [0, 1], got 1.5");
  CHECK(lossplay::check_probability_vector("target", negative, 3)->message ==
        "target must have one probability per class (3), got 2");
}

TEST_CASE("softmax twice: losses of softmax(softmax(z)), gradients through both",
          "[multiclass][mistakes]") {
  const std::vector<double> logits{2.0, 0.5, -1.0};
  const std::vector<double> target{1.0, 0.0, 0.0};
  const auto twice = lossplay::softmax_twice_losses(logits, target);
  const auto reference = multiclass_losses(lossplay::softmax(logits), target);
  CHECK(twice.ce == Approx(reference.ce).epsilon(1e-15));
  CHECK(twice.mse == Approx(reference.mse).epsilon(1e-15));
  const auto ce = [&](const std::vector<double>& z) {
    return lossplay::softmax_twice_losses(z, target).ce;
  };
  const auto mse = [&](const std::vector<double>& z) {
    return lossplay::softmax_twice_losses(z, target).mse;
  };
  const auto dce = central_gradient(ce, logits);
  const auto dmse = central_gradient(mse, logits);
  for (std::size_t i = 0; i < logits.size(); ++i) {
    CHECK(twice.dce_dlogits[i] == Approx(dce[i]).epsilon(1e-7).margin(1e-10));
    CHECK(twice.dmse_dlogits[i] == Approx(dmse[i]).epsilon(1e-7).margin(1e-10));
  }
  // The second softmax sees inputs in [0, 1]: it can never be confident, so CE has a floor of
  // −ln(e / (e + 2)) for three classes, however large the correct logit.
  const double floor = -std::log(std::exp(1.0) / (std::exp(1.0) + 2.0));
  CHECK(lossplay::softmax_twice_losses(std::vector<double>{50.0, 0.0, 0.0}, target).ce ==
        Approx(floor).epsilon(1e-12));
  CHECK(std::fabs(multiclass_losses(logits, target).dce_dlogits[0]) >
        std::fabs(twice.dce_dlogits[0]));
}

// mpmath at 60 digits, from the textbook composition (no stable forms):
//   s = softmax(z), u = softmax(s), CE = −Σ t_i ln u_i, MSE = Σ (u_i − t_i)² / K, and each
//   gradient by mp.diff of that loss in one logit (checked against the chain rule
//   s_j (h_j − Σ_i s_i h_i) evaluated at 60 digits: they agree to 1e−44). Targets are the
//   doubles the test passes in (0.1 and 1/3 as doubles).
struct TwiceReference {
  std::vector<double> logits, target;
  std::vector<const char*> dce, dmse;
};

TEST_CASE("softmax twice: gradients keep their relative accuracy where they are tiny",
          "[multiclass][mistakes]") {
  const std::vector<TwiceReference> references = {
      // The dominant class of ten with a uniform target: the old form, s_a (h_a − Σ s_i h_i),
      // lost all of 5.6e−18 to cancellation and returned 0.
      {{40, 0, 0, 0, 0, 0, 0, 0, 0, 0},
       std::vector<double>(10, 0.1),
       {"5.6065240810270875495e-18", "-6.2294712011412083883e-19", "-6.2294712011412083883e-19",
        "-6.2294712011412083883e-19", "-6.2294712011412083883e-19", "-6.2294712011412083883e-19",
        "-6.2294712011412083883e-19", "-6.2294712011412083883e-19", "-6.2294712011412083883e-19",
        "-6.2294712011412083883e-19"},
       {"2.2196796067665156426e-19", "-2.4663106741850173807e-20", "-2.4663106741850173807e-20",
        "-2.4663106741850173807e-20", "-2.4663106741850173807e-20", "-2.4663106741850173807e-20",
        "-2.4663106741850173807e-20", "-2.4663106741850173807e-20", "-2.4663106741850173807e-20",
        "-2.4663106741850173807e-20"}},
      {{40, 0, -5},
       {0, 0, 1},
       {"1.5861955729754749227e-18", "-1.5471458007645716587e-18", "-3.9049772210903263921e-20"},
       {"6.0448888335443600391e-19", "-5.9642562148352018799e-19", "-8.0632618709158159158e-21"}},
      // Nearly equal logits: every difference between probabilities is about 1e−10.
      {{1e-9, 0, 0},
       std::vector<double>(3, 1.0 / 3.0),
       {"2.4691358038408779313e-11", "-1.2345679019204389657e-11", "-1.2345679019204389657e-11"},
       {"5.4869684535893922023e-12", "-2.7434842267946961012e-12", "-2.7434842267946961012e-12"}},
      {{2, 0.5, -1},
       {1, 0, 0},
       {"-0.129237541659793142", "0.10675756669548420981", "0.022479974964308932186"},
       {"-0.032663615078904136776", "0.027162819119879174361", "0.0055007959590249624151"}},
      {{-3, 1, 0.25, 4},
       {0.1, 0.2, 0.3, 0.4},
       {"0.000027858225445309475532", "-0.0027286385216018461198", "-0.0035770063773428296477",
        "0.0062777866734993662919"},
       {"-1.6842350428811477843e-6", "-0.0004764195698789271099", "-0.00043225676346529325891",
        "0.00091036056838710151659"}},
  };
  for (const auto& ref : references) {
    INFO("logits[0] = " << ref.logits[0] << ", K = " << ref.logits.size());
    const auto twice = lossplay::softmax_twice_losses(ref.logits, ref.target);
    for (std::size_t i = 0; i < ref.logits.size(); ++i) {
      INFO("i = " << i << ", dce " << twice.dce_dlogits[i] << ", dmse " << twice.dmse_dlogits[i]);
      CHECK(lossplay::test::close_to_reference(twice.dce_dlogits[i], ref.dce[i], 1e-12));
      CHECK(lossplay::test::close_to_reference(twice.dmse_dlogits[i], ref.dmse[i], 1e-12));
    }
  }
}

TEST_CASE("the naive softmax overflows where the stable one does not", "[multiclass][naive]") {
  const auto naive = lossplay::naive_softmax(std::vector<double>{1000.0, 0.0, -1000.0});
  CHECK(std::isinf(naive.exponentials[0]));  // e^1000 > DBL_MAX ≈ e^709.78
  CHECK(std::isinf(naive.sum));
  CHECK(std::isnan(naive.probs[0]));  // ∞/∞ is NaN
  CHECK(naive.probs[1] == 0.0);       // 1/∞
  const std::vector<double> small{0.3, -1.2, 2.0};
  const auto naive_small = lossplay::naive_softmax(small);
  const auto stable = lossplay::softmax(small);
  for (std::size_t i = 0; i < small.size(); ++i) {
    CHECK(naive_small.probs[i] == Approx(stable[i]).epsilon(1e-15));
  }
}

TEST_CASE("the naive softmax underflows where every logit is very negative",
          "[multiclass][naive]") {
  // e^{−1000} ≈ 5e−435 is below the smallest subnormal double (about 4.9e−324 = e^{−744.4}),
  // so both terms and the sum round to 0 and 0/0 is NaN; the stable softmax is the sigmoid of
  // the gap, σ(1) = 0.7311 and σ(−1) = 0.2689.
  const auto naive = lossplay::naive_softmax(std::vector<double>{-1000.0, -1001.0});
  CHECK(naive.exponentials[0] == 0.0);
  CHECK(naive.sum == 0.0);
  CHECK(std::isnan(naive.probs[0]));
  CHECK(std::isnan(naive.probs[1]));
  const auto stable = lossplay::softmax(std::vector<double>{-1000.0, -1001.0});
  CHECK(stable[0] == Approx(1.0 / (1.0 + std::exp(-1.0))).epsilon(1e-15));
}
