# Words ending in 01: the states remember how much of "01" the word read so
# far ends with.
#   nnsim tm networks/machines/ends_01.tm 1101       # accept
machine ends_01
tape 0 1 _
blank _
start none
accept yes
reject no

none  0 -> zero  0 R      # ends with "0"
none  1 -> none  1 R
none  _ -> no    _ S
zero  0 -> zero  0 R
zero  1 -> zero1 1 R      # ends with "01"
zero  _ -> no    _ S
zero1 0 -> zero  0 R
zero1 1 -> none  1 R
zero1 _ -> yes   _ S
