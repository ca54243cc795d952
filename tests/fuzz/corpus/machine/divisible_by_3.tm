# Binary numbers divisible by 3, most significant bit first (the empty word
# is the number 0).  The state is the remainder of the prefix read so far:
# reading bit b turns remainder r into 2r + b mod 3.
#   nnsim tm networks/machines/divisible_by_3.tm 1001   # accept: 9
machine divisible_by_3
tape 0 1 _
blank _
start r0
accept yes
reject no

r0 0 -> r0 0 R
r0 1 -> r1 1 R
r0 _ -> yes _ S
r1 0 -> r2 0 R
r1 1 -> r0 1 R
r1 _ -> no _ S
r2 0 -> r1 0 R
r2 1 -> r2 1 R
r2 _ -> no _ S
