# accepts a^n b^n c^n (n >= 0), a language no pushdown automaton accepts:
# a machine over the input symbols a b c, so a compiled network reads each
# symbol as a block of two bits (a = 00, b = 01, c = 10; 11 is no symbol)
machine abc
tape a b c X _
input a b c
blank _
start check
accept yes

# first pass: the word is a...a b...b c...c
check a -> check a R
check b -> check_b b R
check c -> check_c c R
check _ -> back _ L
check_b b -> check_b b R
check_b c -> check_c c R
check_b _ -> back _ L
check_c c -> check_c c R
check_c _ -> back _ L

# then cross out one a, one b and one c per round
back a -> back a L
back b -> back b L
back c -> back c L
back X -> back X L
back _ -> find_a _ R
find_a X -> find_a X R
find_a a -> find_b X R
find_a _ -> yes _ S
find_b a -> find_b a R
find_b X -> find_b X R
find_b b -> find_c X R
find_c b -> find_c b R
find_c X -> find_c X R
find_c c -> back X L
