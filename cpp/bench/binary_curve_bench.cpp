// Timing of sample_binary_curve, built natively (g++ -O2) and as WebAssembly (run by Node),
// so `npm run bench` compares the same program on both. Two modes per run:
//   warm  - output arrays allocated once, as a chart that redraws into the same buffers;
//   fresh - six new arrays allocated inside each timed call, as an API that returns new ones.
// Prints one JSON line with the median ns per point of each mode.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/binary_curve.hpp"

namespace {

struct Series {
  explicit Series(std::size_t n) : z(n), p(n), ce(n), mse(n), dce(n), dmse(n) {}
  std::vector<double> z, p, ce, mse, dce, dmse;
  [[nodiscard]] lossplay::BinaryCurveSpans spans() { return {z, p, ce, mse, dce, dmse}; }
};

template <typename Call>
double median_ns_per_point(std::size_t n, int repeats, Call call) {
  std::vector<double> seconds;
  for (int r = 0; r < repeats + 2; ++r) {  // the first two runs warm up
    const auto start = std::chrono::steady_clock::now();
    call(r % 2 == 0 ? 1.0 : 0.6);
    const auto stop = std::chrono::steady_clock::now();
    if (r >= 2) {
      seconds.push_back(std::chrono::duration<double>(stop - start).count());
    }
  }
  std::sort(seconds.begin(), seconds.end());
  return seconds[seconds.size() / 2] * 1e9 / static_cast<double>(n);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1'000'000;
  const int repeats = argc > 2 ? std::atoi(argv[2]) : 15;
  double checksum = 0.0;  // keeps the results observable so no work is optimised away

  Series warm(n);
  const double warm_ns = median_ns_per_point(n, repeats, [&](double y) {
    lossplay::sample_binary_curve(y, -20.0, 20.0, warm.spans());
    checksum += warm.ce[n / 3];
  });
  const double fresh_ns = median_ns_per_point(n, repeats, [&](double y) {
    Series fresh(n);
    lossplay::sample_binary_curve(y, -20.0, 20.0, fresh.spans());
    checksum += fresh.dmse[n / 2];
  });
  std::printf(
      "{\"points\": %zu, \"repeats\": %d, \"warmNsPerPoint\": %.3f, "
      "\"freshNsPerPoint\": %.3f, \"checksum\": %.6g}\n",
      n, repeats, warm_ns, fresh_ns, checksum);
  return 0;
}
