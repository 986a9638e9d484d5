# SPDX-License-Identifier: MIT
# The page-type machine (portable) and the MMU hypercalls around it.
hv-y += hv/mm/page-type.o
hv-y += hv/mm/mm-env.o
hv-y += hv/mm/mm-batch.o
hv-y += hv/mm/mmu-update.o
hv-y += hv/mm/mmuext-op.o
