unit-tests += tests/unit/hv/lib/test-cmdline
tests/unit/hv/lib/test-cmdline-srcs := hv/lib/cmdline.c
