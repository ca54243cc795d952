// The lecture's three-layer step network for a "reasonable" set A ⊆ ℝ^k
// (section "Expressive power": cover A with hypercubes, separate each cube K
// with a two-layer network N_K, connect the N_K with K ∩ A ≠ ∅ by an OR), as
// a construction for a set given as a predicate (real_predicate.hpp):
//
//   - the box is cut into a grid of cubes of side h (the last cube in a
//     coordinate ends at the box's face when h does not divide the side);
//   - each cube is decided by interval arithmetic (holds_over): inside A
//     (the predicate holds on all of it), meeting A (it holds on a sub-box
//     found by a few levels of bisection), disjoint from A (it holds nowhere
//     on the cube, or nowhere on each sub-box), or ambiguous (none of
//     these shown).  A sub-box still undecided after the last level is
//     decided on its interior, shrunk by side / 2^32 at each face, and the
//     thin shell left out joins the bound: so a cube that touches A only on
//     its boundary (x <= 1/2 and the cube [1/2, 3/4]) is dropped, not kept
//     whole.  The cubes inside, meeting or ambiguous are kept; large blocks
//     of cubes are decided whole first, so a fine grid costs in proportion
//     to A's boundary, not to the number of cubes;
//   - layer 1, shared by the cubes: for a grid value g of coordinate i,
//     step(x_i - g) (x_i >= g) and step(g - x_i) (x_i <= g), only those a
//     kept cube uses;
//   - layer 2, one AND per kept cube K = Π [l_i, r_i]: step(Σ of its 2k
//     half-space neurons - 2k), which is 1 exactly on the closed cube;
//   - the output, an OR: y = step(Σ of the ANDs - 1).
//
// So y = 1 exactly on the union of the kept cubes.  A point is misclassified
// only in a kept cube outside A, or in a dropped cube inside A; dropped
// cubes are proven disjoint from A but for their shells, so the
// misclassified set lies in the kept cubes minus the sub-boxes proven
// inside A, plus the shells, up to the cubes' faces (measure zero).  Its
// measure is proven <= `bound`, and >= `proven_outside` (the sub-boxes of
// kept cubes proven outside A).
#pragma once

#include "nnsim/approximation/box.hpp"
#include "nnsim/model/network.hpp"
#include "nnsim/numbers/rational.hpp"
#include "nnsim/numbers/real_predicate.hpp"

#include <cstddef>
#include <vector>

namespace nnsim {

struct cube_approximation_options {
  rational cube_size;                // h > 0, at most the box's shortest side
  box domain;                        // k coordinates
  std::size_t max_neurons = 100000;  // neurons (all layers) and a budget of 64 × this interval evaluations
  unsigned refinement = 0;           // bisection levels in an undecided cube; 0: 3k, at most 12
};

enum class cube_status { inside, meets, ambiguous };

struct kept_cube {
  box region;
  cube_status status;
};

struct cube_approximation {
  network net;
  std::size_t cubes = 0;  // in the grid
  std::size_t inside = 0, meeting = 0, ambiguous = 0, dropped = 0;
  std::size_t first_layer = 0, second_layer = 0;
  std::vector<kept_cube> kept;  // in grid order
  rational volume;              // of the box
  rational bound;               // proven: misclassified measure <= bound
  rational proven_outside;      // proven: misclassified measure >= this
};

// Throws input_error when h <= 0 or h is larger than a side of the box, or
// the network or the work would exceed max_neurons.
cube_approximation build_cube_approximation(const real_predicate& set, const cube_approximation_options& options);

}  // namespace nnsim
