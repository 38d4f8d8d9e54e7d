// The reliability diagram and the histogram (declared in calibration.hpp).
#include "core/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <utility>

#include "core/compensated_sum.hpp"
#include "core/limits.hpp"
#include "core/model_data.hpp"

namespace lossplay {
namespace {

ArgumentError range_error(std::string message) {
  return ArgumentError{ErrorKind::range, std::move(message)};
}

ArgumentCheck check_probabilities(std::string_view name, std::span<const double> values,
                                  std::string_view example) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!(values[i] >= 0.0 && values[i] <= 1.0)) {
      return range_error(row_entry_name(name, i, 1) + " must be a probability in [0, 1], e.g. " +
                         std::string(example) + "; got " + format_number(values[i]));
    }
  }
  return std::nullopt;
}

// The examples of each bin, as one permutation `order` cut at `starts` (B + 1 offsets).
struct Grouping {
  std::vector<std::size_t> order, starts;
};

// Equal width: a counting sort by the bin k with k/B ≤ c < (k + 1)/B. ⌊c·B⌋ is the guess; the
// comparisons with the edges themselves settle the forecasts within an ulp of one.
Grouping equal_width_groups(std::span<const double> confidence, std::size_t bins) {
  const auto b = static_cast<double>(bins);
  std::vector<std::size_t> bin_of(confidence.size());
  std::vector<std::size_t> starts(bins + 1, 0);
  for (std::size_t i = 0; i < confidence.size(); ++i) {
    const double c = confidence[i];
    auto k = std::min(static_cast<std::size_t>(c * b), bins - 1);
    while (k > 0 && c < static_cast<double>(k) / b) {
      --k;
    }
    while (k + 1 < bins && c >= static_cast<double>(k + 1) / b) {
      ++k;
    }
    bin_of[i] = k;
    ++starts[k + 1];
  }
  std::partial_sum(starts.begin(), starts.end(), starts.begin());
  std::vector<std::size_t> order(confidence.size());
  std::vector<std::size_t> next(starts.begin(), starts.end() - 1);
  for (std::size_t i = 0; i < confidence.size(); ++i) {
    order[next[bin_of[i]]++] = i;  // in row order within each bin
  }
  return Grouping{std::move(order), std::move(starts)};
}

Grouping equal_mass_groups(std::span<const double> confidence, std::size_t bins) {
  const std::size_t n = confidence.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t i, std::size_t j) { return confidence[i] < confidence[j]; });
  std::vector<std::size_t> starts(bins + 1, 0);
  for (std::size_t k = 0; k < bins; ++k) {
    starts[k + 1] = starts[k] + n / bins + (k < n % bins ? 1 : 0);
  }
  return Grouping{std::move(order), std::move(starts)};
}

// One bin's means and its share of withinBin. The means are taken as the first value plus the
// mean offset from it, so equal values give their own value back exactly, and with it
// deviations of exactly 0.
struct BinStats {
  double mean_confidence, mean_outcome, within;
};

BinStats bin_stats(std::span<const double> c, std::span<const double> o,
                   std::span<const std::size_t> rows) {
  const double c0 = c[rows[0]];
  const double o0 = o[rows[0]];
  CompensatedSum dc;
  CompensatedSum d_o;
  for (const std::size_t i : rows) {
    dc.add(c[i] - c0);
    d_o.add(o[i] - o0);
  }
  const auto m = static_cast<double>(rows.size());
  const double c_mean = c0 + dc.value() / m;
  const double o_mean = o0 + d_o.value() / m;
  CompensatedSum within;  // (c − c̄)² − 2(c − c̄)(o − ō) + o(o − 1), summed over the bin
  for (const std::size_t i : rows) {
    const double dci = c[i] - c_mean;
    within.add(dci * dci - 2.0 * dci * (o[i] - o_mean) + o[i] * (o[i] - 1.0));
  }
  return BinStats{c_mean, o_mean, within.value() / m};
}

}  // namespace

ArgumentCheck check_reliability_args(std::span<const double> confidence,
                                     std::span<const double> outcome, double bins) {
  const std::size_t n = confidence.size();
  if (check_limit(kModelRows, static_cast<double>(n))) {
    return range_error("confidence must have between 1 and " + format_number(kModelRows.max) +
                       " entries, got " + std::to_string(n));
  }
  if (outcome.size() != n) {
    return range_error("outcome must have one entry per entry of confidence (" + std::to_string(n) +
                       "), got " + std::to_string(outcome.size()));
  }
  return first_failure(check_probabilities("confidence", confidence, "0.8"),
                       check_probabilities("outcome", outcome, "1"),
                       with_accepted_example(check_limit("bins", kReliabilityBins, bins), "10"));
}

Reliability reliability(std::span<const double> confidence, std::span<const double> outcome,
                        std::size_t bins, bool equal_mass) {
  const Grouping groups =
      equal_mass ? equal_mass_groups(confidence, bins) : equal_width_groups(confidence, bins);
  const auto n = static_cast<double>(confidence.size());
  const auto b = static_cast<double>(bins);
  Reliability out{{}, 0.0, {}};
  CompensatedSum ece;
  CompensatedSum calibration;
  CompensatedSum refinement;
  CompensatedSum within;
  for (std::size_t k = 0; k < bins; ++k) {
    const std::span<const std::size_t> rows(groups.order.data() + groups.starts[k],
                                            groups.starts[k + 1] - groups.starts[k]);
    if (rows.empty()) {
      continue;
    }
    const BinStats s = bin_stats(confidence, outcome, rows);
    const auto count = static_cast<double>(rows.size());
    const double weight = count / n;
    const double gap = s.mean_confidence - s.mean_outcome;
    ece.add(weight * std::fabs(gap));
    calibration.add(weight * gap * gap);
    refinement.add(weight * s.mean_outcome * (1.0 - s.mean_outcome));
    within.add(weight * s.within);
    const double low = equal_mass ? confidence[rows.front()] : static_cast<double>(k) / b;
    const double high = equal_mass ? confidence[rows.back()] : static_cast<double>(k + 1) / b;
    out.bins.push_back({low, high, count, s.mean_confidence, s.mean_outcome});
  }
  CompensatedSum score;
  for (std::size_t i = 0; i < confidence.size(); ++i) {
    const double d = confidence[i] - outcome[i];
    score.add(d * d);
  }
  out.ece = ece.value();
  out.brier = {score.value() / n, calibration.value(), refinement.value(), within.value()};
  return out;
}

namespace {

// The data's own ends: the smallest and the largest value (with log, the smallest positive one;
// none when no value is positive).
std::optional<std::pair<double, double>> data_range(std::span<const double> values, bool log) {
  std::optional<std::pair<double, double>> range;
  for (const double v : values) {
    if (log && !(v > 0.0)) {
      continue;
    }
    if (!range) {
      range.emplace(v, v);
    }
    range->first = std::fmin(range->first, v);
    range->second = std::fmax(range->second, v);
  }
  return range;
}

ArgumentCheck check_histogram_request(const HistogramRequest& request) {
  const NumberLimit bound{"bound", "bound", -kMaxEntryMagnitude, kMaxEntryMagnitude};
  const NumberLimit positive{"bound", "bound", 0.0, kMaxEntryMagnitude, false, true};
  const NumberLimit& end = request.log ? positive : bound;
  return first_failure(
      with_accepted_example(check_limit("bins", kHistogramBins, request.bins), "40"),
      request.min ? with_accepted_example(check_limit("min", end, *request.min), "0.001")
                  : std::nullopt,
      request.max ? with_accepted_example(check_limit("max", bound, *request.max), "10")
                  : std::nullopt);
}

}  // namespace

ArgumentCheck resolve_histogram(std::span<const double> values, const HistogramRequest& request,
                                HistogramRange& range) {
  if (auto failure =
          first_failure(check_entries("values", values), check_histogram_request(request))) {
    return failure;
  }
  const auto data = data_range(values, request.log);
  if (!data && !(request.min && request.max)) {
    return range_error(
        "values must include a number above 0 for a log histogram, or give both "
        "min and max, e.g. min 0.001 and max 10");
  }
  range = {request.min.value_or(data ? data->first : 0.0),
           request.max.value_or(data ? data->second : 0.0), request.log};
  if (!request.min && !request.max && range.min == range.max) {
    const double v = range.min;
    // One distinct value: a range around it, so it has a bin in the middle.
    const double spread = std::sqrt(10.0);
    range.min =
        request.log ? (v / spread > 0.0 ? v / spread : v) : v - 0.5 * std::fmax(1.0, std::fabs(v));
    range.max = request.log ? v * spread : v + 0.5 * std::fmax(1.0, std::fabs(v));
  }
  if (!(range.min < range.max)) {
    return range_error("min must be below max (each is the data's own end when not given), got " +
                       format_number(range.min) + " and " + format_number(range.max));
  }
  return std::nullopt;
}

Histogram histogram(std::span<const double> values, std::size_t bins, const HistogramRange& range) {
  const auto b = static_cast<double>(bins);
  // Positions on the axis the bins are equal on: the value itself, or its log10.
  const auto axis = [&](double v) { return range.log ? std::log10(v) : v; };
  const double lo = axis(range.min);
  const double width = axis(range.max) - lo;
  Histogram out{std::vector<double>(bins + 1), std::vector<double>(bins, 0.0), 0.0, 0.0};
  for (std::size_t k = 0; k <= bins; ++k) {
    const double at = lo + width * (static_cast<double>(k) / b);
    out.edges[k] = range.log ? std::pow(10.0, at) : at;
  }
  out.edges.front() = range.min;  // exactly the ends asked for
  out.edges.back() = range.max;
  for (const double v : values) {
    if (v < range.min || (range.log && !(v > 0.0))) {
      out.below += 1.0;
      continue;
    }
    if (v > range.max) {
      out.above += 1.0;
      continue;
    }
    // The guess from the axis position, settled by comparing with the edges themselves.
    const double guess = std::floor((axis(v) - lo) / width * b);
    auto k = static_cast<std::size_t>(std::clamp(guess, 0.0, b - 1.0));
    while (k > 0 && v < out.edges[k]) {
      --k;
    }
    while (k + 1 < bins && v >= out.edges[k + 1]) {
      ++k;
    }
    out.counts[k] += 1.0;
  }
  return out;
}

}  // namespace lossplay
