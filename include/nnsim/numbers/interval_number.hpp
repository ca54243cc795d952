// A closed interval of MPFR endpoints with a precision fixed at
// construction, for the interval:P and certified number modes (reals.md,
// section 2): every operation on it returns an interval that contains the
// exact result for every real of its arguments.  A thin owner of MPFI's
// mpfi_t, like real_number for MPFR: Boost.Multiprecision's mpfi_float takes
// its run-time precision in decimal digits, while the modes are given in
// bits, and the engine calls MPFI in place on the storage.
#pragma once

#include <mpfi.h>

#include <utility>

namespace nnsim {

class interval_number {
 public:
  // The degenerate interval [0, 0].
  explicit interval_number(mpfr_prec_t precision = 53) {
    mpfi_init2(value_, precision);
    mpfi_set_ui(value_, 0);
  }
  interval_number(const interval_number& other) {
    mpfi_init2(value_, mpfi_get_prec(other.value_));
    mpfi_set(value_, other.value_);
  }
  interval_number(interval_number&& other) noexcept : interval_number(mpfi_get_prec(other.value_)) {
    mpfi_swap(value_, other.value_);
  }
  interval_number& operator=(const interval_number& other) {
    if (this != &other) {
      mpfi_set_prec(value_, mpfi_get_prec(other.value_));
      mpfi_set(value_, other.value_);
    }
    return *this;
  }
  interval_number& operator=(interval_number&& other) noexcept {
    swap(other);
    return *this;
  }
  ~interval_number() { mpfi_clear(value_); }
  void swap(interval_number& other) noexcept { mpfi_swap(value_, other.value_); }
  mpfi_ptr get() { return value_; }
  mpfi_srcptr get() const { return value_; }

  // Whether the interval is one number [a, a]: then the value is exactly a.
  bool is_point() const { return mpfr_equal_p(&value_->left, &value_->right) != 0; }

 private:
  mpfi_t value_;
};

inline void swap(interval_number& a, interval_number& b) noexcept { a.swap(b); }

}  // namespace nnsim
