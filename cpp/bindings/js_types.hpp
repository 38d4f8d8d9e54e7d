// What every bindings file shares: self-describing names for the JS values that cross the
// boundary, and the conversions between them and the core's types (conversions.cpp).
//
// Errors are *returned* as JS Error objects (lossplay_core.mjs throws them). Throwing from
// inside wasm would skip the C++ destructors of the vectors and emval handles alive at that
// point, leaking a little memory on every bad input.
#pragma once

#include <emscripten/val.h>

#include <span>
#include <string>
#include <vector>

#include "core/argument_checks.hpp"

namespace lossplay::js {

using JsValue = emscripten::val;       // any JS value, checked before use
using JsResult = emscripten::val;      // the result, or an Error for the JS wrapper to throw
using JsObject = emscripten::val;      // a plain object
using JsArray = emscripten::val;       // a plain Array
using Float64Array = emscripten::val;  // a copy, owned by the caller

// A TypeError or RangeError with the error's message. core_api.mjs prefixes it with the
// function's signature, "binaryPoint(z, y): ", from core_signatures.mjs.
[[nodiscard]] JsResult to_js_error(const ArgumentError& error);

// A copy out of wasm memory: it stays valid when the memory grows.
[[nodiscard]] Float64Array to_float64_array(std::span<const double> values);

// Words as a JS Array of strings.
[[nodiscard]] JsArray to_string_array(std::span<const std::string_view> words);

// A number argument; a TypeError when `value` is not a number.
[[nodiscard]] ArgumentCheck read_number(const char* name, const JsValue& value, double& out);

// A plain Array of numbers or a Float64Array, of at most kMaxArrayLength entries. Entries are
// not coerced: a string or null in a plain array is a TypeError.
[[nodiscard]] ArgumentCheck read_array(const char* name, const JsValue& value,
                                       std::vector<double>& out);

// A non-null object.
[[nodiscard]] bool is_object(const JsValue& value);

// A number field of a settings object, or `fallback` when the field is absent.
[[nodiscard]] ArgumentCheck number_field(const JsObject& settings, const char* key, double fallback,
                                         double& out);

// A string field of a settings object, or `fallback` when the field is absent.
// settings[key] as a boolean (`fallback` when undefined).
[[nodiscard]] ArgumentCheck flag_field(const JsObject& settings, const char* key, bool fallback,
                                       bool& out);
[[nodiscard]] ArgumentCheck word_field(const JsObject& settings, const char* key,
                                       const char* fallback, std::string& out);

}  // namespace lossplay::js
