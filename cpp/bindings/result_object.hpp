// How a result struct leaves C++: embind's value_object, which turns the struct into a plain JS
// object with the fields named in its registration. JsResultObject adds the two kinds of field
// value_object cannot take as they are: a std::vector<double> (it leaves as a Float64Array, a
// copy) and a value computed from the struct. Results only go out, so nothing is ever written
// back: the setters do nothing.
#pragma once

#include <emscripten/bind.h>

#include <vector>

#include "bindings/js_types.hpp"

namespace lossplay::js {

template <auto Member>
struct ArrayField;

template <typename T, std::vector<double> T::*Member>
struct ArrayField<Member> {
  static Float64Array get(const T& owner) { return to_float64_array(owner.*Member); }
  static void set(T& /*owner*/, Float64Array /*value*/) {}
};

template <typename T>
class JsResultObject : public emscripten::value_object<T> {
 public:
  explicit JsResultObject(const char* name) : emscripten::value_object<T>(name) {}

  // A number, a boolean, or a struct registered as a value_object of its own.
  template <typename Owner, typename Field>
  JsResultObject& value(const char* name, Field Owner::*member) {
    this->field(name, member);
    return *this;
  }

  // A std::vector<double> member, as a Float64Array.
  template <auto Member>
  JsResultObject& array(const char* name) {
    this->field(name, &ArrayField<Member>::get, &ArrayField<Member>::set);
    return *this;
  }

  // A value computed from the struct by `getter`.
  template <typename Result>
  JsResultObject& computed(const char* name, Result (*getter)(const T&)) {
    this->field(name, getter, &ignore<Result>);
    return *this;
  }

 private:
  template <typename Result>
  static void ignore(T& /*owner*/, Result /*value*/) {}
};

}  // namespace lossplay::js
