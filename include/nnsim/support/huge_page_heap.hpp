// Transparent huge pages for the process's heap.
//
// Loading a network allocates many small blocks (names, terms, GMP limbs)
// and the engine's arrays, and the kernel maps each 4 KiB page of them at
// its first touch.  On a virtual machine such a page fault costs several
// microseconds, and loading a file of 10^5 neurons met some 10^5 of them: a
// good part of its time (docs/performance.md, "Huge pages for the heap").
// With the heap in 2 MiB pages the same memory takes 512 times fewer faults.
//
// glibc offers this as a tunable (GLIBC_TUNABLES=glibc.malloc.hugetlb=1), but
// a tunable is read only when the process starts.  use_huge_page_heap() gets
// the same effect from inside: it asks malloc to grow the heap in one large
// reservation (M_TOP_PAD, address space only: nothing is touched) and to serve
// blocks up to 32 MiB from it, then marks that reservation MADV_HUGEPAGE.
// Memory is still given out only as it is touched, so a small run stays
// small; what a run touches is rounded to 2 MiB pages.
//
// It is for programs (the nnsim command, the benchmarks), to call first
// thing in main(), not for a library loaded into someone else's process,
// whose allocator settings are not its own.  It does nothing, and says so by
// returning false, when
//   - the environment sets NNSIM_HUGE_PAGES=0,
//   - the address space or the data segment is limited (ulimit -v, -d): a
//     large reservation could then fail where the run itself would not,
//   - the heap is not glibc's (a sanitizer's allocator), or it did not grow
//     where expected, or the kernel refuses the advice.
#pragma once

namespace nnsim {

bool use_huge_page_heap();

}  // namespace nnsim
