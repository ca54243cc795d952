# De Mol's 2-tag system for the Collatz function (L. De Mol, "Tag systems
# and Collatz-like functions", TCS 390, 2008): the word a^n becomes a^(n/2)
# for even n and a^((3n+1)/2) for odd n, so from a^n the system reaches the
# word `a`, too short to go on, exactly when the Collatz sequence of n
# reaches 1.  It has no halting letter.
#     nnsim tag networks/universal/collatz.tag --word aaa --trace
tag collatz
a -> b c
b -> a
c -> a a a
