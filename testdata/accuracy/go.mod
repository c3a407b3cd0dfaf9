module example.com/accuracy

go 1.26
