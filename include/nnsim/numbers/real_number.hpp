// An MPFR floating-point value with a precision fixed at construction, for
// the real:P number mode.  A thin owner of mpfr_t: Boost's mpfr_float takes
// its run-time precision in decimal digits, while the mode is given in bits.
#pragma once

#include <mpfr.h>

#include <utility>

namespace nnsim {

class real_number {
 public:
  explicit real_number(mpfr_prec_t precision = 53) { mpfr_init2(value_, precision); mpfr_set_zero(value_, 1); }
  real_number(const real_number& other) {
    mpfr_init2(value_, mpfr_get_prec(other.value_));
    mpfr_set(value_, other.value_, MPFR_RNDN);
  }
  real_number(real_number&& other) noexcept : real_number(mpfr_get_prec(other.value_)) { mpfr_swap(value_, other.value_); }
  real_number& operator=(const real_number& other) {
    if (this != &other) {
      mpfr_set_prec(value_, mpfr_get_prec(other.value_));
      mpfr_set(value_, other.value_, MPFR_RNDN);
    }
    return *this;
  }
  real_number& operator=(real_number&& other) noexcept {
    swap(other);
    return *this;
  }
  ~real_number() { mpfr_clear(value_); }

  void swap(real_number& other) noexcept { mpfr_swap(value_, other.value_); }
  mpfr_ptr get() { return value_; }
  mpfr_srcptr get() const { return value_; }

 private:
  mpfr_t value_;
};

inline void swap(real_number& a, real_number& b) noexcept { a.swap(b); }

}  // namespace nnsim
