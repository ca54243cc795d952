# Parity of 1s: accepts the binary words with an even number of 1s
# (including the empty word).  Regular; two states remember the parity.
#   nnsim tm networks/machines/even_ones.tm 1011     # reject (three 1s)
machine even_ones
tape 0 1 _
blank _
start even
accept yes
reject no

even 0 -> even 0 R
even 1 -> odd  1 R
even _ -> yes  _ S
odd  0 -> odd  0 R
odd  1 -> even 1 R
odd  _ -> no   _ S
