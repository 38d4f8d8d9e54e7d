// The conversions between JS values and the core's types, for every bindings file.
#include <emscripten/val.h>
#include <emscripten/wire.h>

#include <string>

#include "bindings/js_types.hpp"
#include "bindings/result_types.hpp"

namespace lossplay::js {

using emscripten::val;

JsResult to_js_error(const ArgumentError& error) {
  const char* constructor = error.kind == ErrorKind::type ? "TypeError" : "RangeError";
  return val::global(constructor).new_(error.message);
}

JsObject to_js_limit(const NumberLimit& limit) {
  return limit.min_open ? val(OpenMinLimit{limit}) : val(limit);
}

Float64Array to_float64_array(std::span<const double> values) {
  // slice() copies out of wasm memory, so the array stays valid when memory grows.
  return val(emscripten::typed_memory_view(values.size(), values.data())).call<val>("slice");
}

JsArray to_string_array(std::span<const std::string_view> words) {
  val out = val::array();
  for (const auto word : words) {
    out.call<void>("push", val(std::string(word)));
  }
  return out;
}

ArgumentCheck read_number(const char* name, const JsValue& value, double& out) {
  if (!value.isNumber()) {
    return ArgumentError{ErrorKind::type, std::string(name) + " must be a number, got " +
                                              value.typeOf().as<std::string>()};
  }
  out = value.as<double>();
  return std::nullopt;
}

ArgumentCheck read_array(const char* name, const JsValue& value, std::vector<double>& out) {
  const bool is_plain = value.isArray();
  if (!is_plain && !value.instanceof (val::global("Float64Array"))) {
    return ArgumentError{ErrorKind::type,
                         std::string(name) + " must be an Array or Float64Array of numbers"};
  }
  const double length = value["length"].as<double>();
  if (length > static_cast<double>(kMaxArrayLength)) {
    return ArgumentError{ErrorKind::range, std::string(name) + " must have at most " +
                                               std::to_string(kMaxArrayLength) + " entries, got " +
                                               format_number(length)};
  }
  if (is_plain) {
    const auto n = static_cast<std::size_t>(length);
    for (std::size_t i = 0; i < n; ++i) {
      if (!value[i].isNumber()) {
        return ArgumentError{ErrorKind::type, std::string(name) + "[" + std::to_string(i) +
                                                  "] must be a number, got " +
                                                  value[i].typeOf().as<std::string>()};
      }
    }
  }
  out = emscripten::convertJSArrayToNumberVector<double>(value);
  return std::nullopt;
}

bool is_object(const JsValue& value) {
  return !value.isNull() && value.typeOf().as<std::string>() == "object";
}

ArgumentCheck number_field(const JsObject& settings, const char* key, double fallback,
                           double& out) {
  const val value = settings[key];
  if (value.isUndefined()) {
    out = fallback;
    return std::nullopt;
  }
  if (!value.isNumber()) {
    return ArgumentError{ErrorKind::type, std::string(key) + " must be a number"};
  }
  out = value.as<double>();
  return std::nullopt;
}

ArgumentCheck flag_field(const JsObject& settings, const char* key, bool fallback, bool& out) {
  const val value = settings[key];
  if (value.isUndefined()) {
    out = fallback;
    return std::nullopt;
  }
  if (value.typeOf().as<std::string>() != "boolean") {
    return ArgumentError{ErrorKind::type, std::string(key) + " must be true or false"};
  }
  out = value.as<bool>();
  return std::nullopt;
}

ArgumentCheck word_field(const JsObject& settings, const char* key, const char* fallback,
                         std::string& out) {
  const val value = settings[key];
  if (value.isUndefined()) {
    out = fallback;
    return std::nullopt;
  }
  if (!value.isString()) {
    return ArgumentError{ErrorKind::type, std::string(key) + " must be a string"};
  }
  out = value.as<std::string>();
  return std::nullopt;
}

}  // namespace lossplay::js
