# SPDX-License-Identifier: MIT
# End-to-end tests: real kernels booted as dom0 (tests/e2e/run).
#   make linux-deps   Debian's kernel and busybox-static into build/linux/
#                     (scripts/fetch-linux.sh; also run by make deps)
#   make e2e          boot them on hv, or on Xen 4.17 with HV=xen; a test
#                     whose kernel could not be fetched SKIPs
# The rules below come before the Makefile's first target: keep `all`
# the default goal.
e2e-saved-goal := $(.DEFAULT_GOAL)

.PHONY: linux-deps e2e
linux-deps:
	@scripts/fetch-linux.sh
deps: linux-deps

E2E_FILTER ?= *
e2e: linux-deps $(if $(filter hv,$(HV)),$(HV_ELF))
	@tests/e2e/run --hv $(HV) --filter '$(E2E_FILTER)' --tail 40 $(E2E_FLAGS)

.DEFAULT_GOAL := $(e2e-saved-goal)
