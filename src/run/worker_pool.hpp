#pragma once
// Threads kept for the steps of double mode: a step of a network of 10^5
// neurons takes about a millisecond on two threads, and starting and joining
// a thread costs some 80 µs, twice a step.  The pool's threads start once,
// wait between steps (spinning briefly, then asleep on an atomic), and run
// part p of each call on thread p.
//
// One call at a time uses the pool; a call made while it is busy (another
// simulator on another thread, or a call from inside a part) runs on threads
// of its own, as does a call in a child process made by fork(), where the
// pool's threads do not exist.  The pool is never destroyed: its threads are
// asleep when the program ends.
#include <functional>

namespace nnsim {

// work(p) for p = 0 .. parts - 1, part 0 on this thread and each other part
// on a thread of its own; returns when all are done.  A part must not throw.
void in_parallel(unsigned parts, const std::function<void(unsigned)>& work);

}  // namespace nnsim
