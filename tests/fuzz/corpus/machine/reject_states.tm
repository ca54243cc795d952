# accepts the binary words that read the same backwards
machine palindromes
tape 0 1 _            # tape alphabet
blank _
start q0
accept yes
reject no

q0 0 -> r0 _ R
q0 1 -> r1 _ R
q0 _ -> yes _ S
r0 0 -> r0 0 R
r0 1 -> r0 1 R
r0 _ -> c0 _ L
c0 0 -> back _ L
c0 1 -> no 1 S
c0 _ -> yes _ S
back 0 -> back 0 L
back _ -> q0 _ R
