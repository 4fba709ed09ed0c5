module plaidwalk

go 1.26.8
