# The larger example of Rogozhin's form: a1 … a3 and the halting letter a4,
# P(ai) = a3 a3 Bi.  On the word a2 a1 a1 it halts after 5 steps; Rogozhin's
# UTM(4,6) takes 124,767 transitions for it (docs/tag-systems.md).
#     nnsim tag networks/universal/rogozhin-124767.tag --word 'a2 a1 a1' --trace
tag rogozhin_124767
a1 -> a3 a3 a2 a1 a4
a2 -> a3 a3 a1
a3 -> a3 a3
halt a4
