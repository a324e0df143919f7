module cidroracle

go 1.19
