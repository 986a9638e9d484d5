# SPDX-License-Identifier: MIT
# Grant tables: the portable state machine and hv's side of it.
hv-y += hv/grant/grant-table.o
hv-y += hv/grant/grant-env.o
hv-y += hv/grant/grant-op.o
