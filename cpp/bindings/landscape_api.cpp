// The loss-landscape adapters (declared in landscape_api.hpp).
#include "bindings/landscape_api.hpp"

#include <emscripten/val.h>

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bindings/result_types.hpp"
#include "core/argument_checks.hpp"
#include "core/binary_losses.hpp"
#include "core/landscape.hpp"
#include "core/limits.hpp"

namespace lossplay::js {

using emscripten::val;

namespace {

constexpr std::array<std::string_view, 2> kLossNames{"ce", "mse"};

// Typed arrays other than Float64Array whose entries are numbers (BigInt64Array's are not):
// copied into a Float64Array first, so labels may come as a Uint8Array.
constexpr std::array kOtherNumberArrays{"Int8Array",   "Uint8Array",  "Uint8ClampedArray",
                                        "Int16Array",  "Uint16Array", "Int32Array",
                                        "Uint32Array", "Float32Array"};

ArgumentCheck read_numbers(const char* name, const JsValue& value, std::vector<double>& out) {
  for (const char* type : kOtherNumberArrays) {
    if (value.instanceof (val::global(type))) {
      return read_array(name, val::global("Float64Array").call<val>("from", value), out);
    }
  }
  if (!value.isArray() && !value.instanceof (val::global("Float64Array"))) {
    return ArgumentError{ErrorKind::type,
                         std::string(name) + " must be an Array or a typed array of numbers, got " +
                             value.typeOf().as<std::string>()};
  }
  return read_array(name, value, out);
}

// data = {x, y}: read, then checked by the core (lengths, ranges, labels 0 or 1).
ArgumentCheck read_data(const JsValue& data, std::vector<double>& x, std::vector<double>& y) {
  if (!is_object(data)) {
    return ArgumentError{ErrorKind::type, "data must be an object {x, y} of two arrays, got " +
                                              data.typeOf().as<std::string>()};
  }
  if (auto failure = first_failure(read_numbers("data.x", data["x"], x),
                                   read_numbers("data.y", data["y"], y))) {
    return failure;
  }
  return check_landscape_data({x, y});
}

ArgumentCheck read_loss(const JsValue& value, BinaryLoss& out) {
  if (!value.isString()) {
    return ArgumentError{ErrorKind::type,
                         "loss must be a string, got " + value.typeOf().as<std::string>()};
  }
  const auto name = value.as<std::string>();
  const auto parsed = binary_loss_named(name);
  if (!parsed) {
    return choice_error("loss", kLossNames, name);
  }
  out = *parsed;
  return std::nullopt;
}

// The two maps share their arguments and differ only in the core function that fills them.
using GridFunction = void (*)(LandscapeData, BinaryLoss, const LandscapeWindow&, std::span<double>);

JsResult grid(GridFunction fill, const JsValue& data_in, const JsValue& loss_in,
              const JsValue& w_min_in, const JsValue& w_max_in, const JsValue& b_min_in,
              const JsValue& b_max_in, const JsValue& nw_in, const JsValue& nb_in) {
  std::vector<double> x;
  std::vector<double> y;
  BinaryLoss loss{};
  double w_min = 0.0;
  double w_max = 0.0;
  double b_min = 0.0;
  double b_max = 0.0;
  double nw = 0.0;
  double nb = 0.0;
  if (auto failure =
          first_failure(read_data(data_in, x, y), read_loss(loss_in, loss),
                        read_number("wMin", w_min_in, w_min), read_number("wMax", w_max_in, w_max),
                        read_number("bMin", b_min_in, b_min), read_number("bMax", b_max_in, b_max),
                        read_number("nw", nw_in, nw), read_number("nb", nb_in, nb))) {
    return to_js_error(*failure);
  }
  if (auto failure = check_landscape_window(w_min, w_max, b_min, b_max, nw, nb)) {
    return to_js_error(*failure);
  }
  const LandscapeWindow window{
      w_min, w_max, b_min, b_max, static_cast<std::size_t>(nw), static_cast<std::size_t>(nb)};
  std::vector<double> out(window.nw * window.nb);
  fill({x, y}, loss, window, out);
  return to_float64_array(out);
}

}  // namespace

JsResult landscape(const JsValue& data, const JsValue& loss, const JsValue& w_min,
                   const JsValue& w_max, const JsValue& b_min, const JsValue& b_max,
                   const JsValue& nw, const JsValue& nb) {
  return grid(&landscape_grid, data, loss, w_min, w_max, b_min, b_max, nw, nb);
}

JsResult landscape_curvature(const JsValue& data, const JsValue& loss, const JsValue& w_min,
                             const JsValue& w_max, const JsValue& b_min, const JsValue& b_max,
                             const JsValue& nw, const JsValue& nb) {
  return grid(&landscape_curvature_grid, data, loss, w_min, w_max, b_min, b_max, nw, nb);
}

JsResult landscape_hessian(const JsValue& data_in, const JsValue& loss_in, const JsValue& w_in,
                           const JsValue& b_in) {
  std::vector<double> x;
  std::vector<double> y;
  BinaryLoss loss{};
  double w = 0.0;
  double b = 0.0;
  if (auto failure = first_failure(read_data(data_in, x, y), read_loss(loss_in, loss),
                                   read_number("w", w_in, w), read_number("b", b_in, b))) {
    return to_js_error(*failure);
  }
  if (auto failure = check_landscape_point("w", w, "b", b)) {
    return to_js_error(*failure);
  }
  return val(lossplay::landscape_hessian({x, y}, loss, w, b));
}

JsResult descent_path(const JsValue& data_in, const JsValue& loss_in, const JsValue& w0_in,
                      const JsValue& b0_in, const JsValue& rate_in, const JsValue& steps_in,
                      const JsValue& momentum_in) {
  std::vector<double> x;
  std::vector<double> y;
  BinaryLoss loss{};
  double w0 = 0.0;
  double b0 = 0.0;
  double rate = 0.0;
  double steps = 0.0;
  double momentum = 0.0;
  if (auto failure = first_failure(
          read_data(data_in, x, y), read_loss(loss_in, loss), read_number("w0", w0_in, w0),
          read_number("b0", b0_in, b0), read_number("learningRate", rate_in, rate),
          read_number("steps", steps_in, steps), read_number("momentum", momentum_in, momentum))) {
    return to_js_error(*failure);
  }
  if (auto failure = check_descent_path_args(w0, b0, rate, steps, momentum)) {
    return to_js_error(*failure);
  }
  return val(lossplay::descent_path({x, y}, loss, w0, b0, rate, static_cast<std::size_t>(steps),
                                    momentum));
}

JsObject landscape_limits() {
  val out = val::object();
  for (const NumberLimit& limit : kLandscapeLimits) {
    out.set(limit.key, to_js_limit(limit));
  }
  return out;
}

}  // namespace lossplay::js
