#include "numbers/compact_rational.hpp"

#include "support/splitmix64.hpp"

namespace nnsim {
namespace {

// An mpq that holds a small operand of an operation done on mpq; one per
// operand, per thread, kept so that its limbs are reused.
struct operand_scratch {
  mpq_t a;
  mpq_t b;
  operand_scratch() {
    mpq_init(a);
    mpq_init(b);
  }
  ~operand_scratch() {
    mpq_clear(a);
    mpq_clear(b);
  }
  operand_scratch(const operand_scratch&) = delete;
  operand_scratch& operator=(const operand_scratch&) = delete;
};

operand_scratch& scratch() {
  thread_local operand_scratch s;
  return s;
}

mpq_srcptr as_mpq(const compact_rational& x, mpq_ptr scratch) {
  if (!x.is_small()) return x.big();
  x.write_to(scratch);
  return scratch;
}

}  // namespace

std::uint64_t compact_rational::hash_small() const {
  return mix_hash(mix_hash(static_cast<std::uint64_t>(word_) ^ 0x2F9BE6CC5D3A7B41ULL) + shift_);
}

void compact_rational::slow(operation op, compact_rational& out, const compact_rational& a,
                            const compact_rational& b) {
  operand_scratch& s = scratch();
  // Both operands are read before out is written: out may be a or b.
  const mpq_srcptr x = as_mpq(a, s.a);
  const mpq_srcptr y = as_mpq(b, s.b);
  out.storage();
  switch (op) {
    case operation::mul: mpq_mul(&out.q_, x, y); break;
    case operation::add: mpq_add(&out.q_, x, y); break;
    case operation::sub: mpq_sub(&out.q_, x, y); break;
    case operation::invert: mpq_inv(&out.q_, x); break;
  }
  out.canonicalize();
}

int compact_rational::compare_slow(const compact_rational& a, const compact_rational& b) {
  operand_scratch& s = scratch();
  const int c = mpq_cmp(as_mpq(a, s.a), as_mpq(b, s.b));
  return (c > 0) - (c < 0);
}

}  // namespace nnsim
