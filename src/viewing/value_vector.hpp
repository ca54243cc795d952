// Values of one number type that the viewing layer owns and changes one by
// one (the stepper's current state, the old and new values of the steps it
// keeps): a state_values::storage_type, which state_values itself does not
// let anyone change, with the few typed operations on it that the layer
// needs.  Every operation expects values of one number type throughout.
#pragma once

#include "nnsim/numbers/state_values.hpp"

#include <cstddef>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <variant>

namespace nnsim::viewing_detail {

using value_vector = state_values::storage_type;

// A copy of `values` (a whole state).
inline value_vector copy_values(const state_view& values) {
  return std::visit([](auto span) -> value_vector {
    using Num = std::remove_const_t<typename decltype(span)::element_type>;
    return std::vector<Num>(span.begin(), span.end());
  }, values.storage());
}

// No values, of the number type of `like`.
inline value_vector empty_like(const state_view& like) {
  return std::visit([](auto span) -> value_vector {
    using Num = std::remove_const_t<typename decltype(span)::element_type>;
    return std::vector<Num>();
  }, like.storage());
}

inline state_view view_of(const value_vector& values) {
  return std::visit([](const auto& vector) { return state_view(std::span(vector)); }, values);
}

// Values first .. first + count - 1.
inline state_view view_of(const value_vector& values, std::size_t first, std::size_t count) {
  return std::visit([&](const auto& vector) { return state_view(std::span(vector).subspan(first, count)); },
                    values);
}

inline std::size_t size_of(const value_vector& values) {
  return std::visit([](const auto& vector) { return vector.size(); }, values);
}

// Bytes of one value outside the number library's own memory.
inline std::size_t value_bytes(const value_vector& values) {
  return std::visit([](const auto& vector) { return sizeof(typename std::decay_t<decltype(vector)>::value_type); },
                    values);
}

// Appends value j of `from`.
inline void append_value(value_vector& to, const state_view& from, std::size_t j) {
  std::visit([&](auto& vector) {
    using Num = typename std::decay_t<decltype(vector)>::value_type;
    vector.push_back(from.as<Num>()[j]);
  }, to);
}

// Value i of `to` becomes value j of `from`.
inline void assign_value(value_vector& to, std::size_t i, const state_view& from, std::size_t j) {
  std::visit([&](auto& vector) {
    using Num = typename std::decay_t<decltype(vector)>::value_type;
    vector.at(i) = from.as<Num>()[j];
  }, to);
}

}  // namespace nnsim::viewing_detail
