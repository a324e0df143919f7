module shoracle

go 1.19

require mvdan.cc/sh/v3 v3.8.0
