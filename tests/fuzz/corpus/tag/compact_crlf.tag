a -> bca
b ->
c -> a
halt h
