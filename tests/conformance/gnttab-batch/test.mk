# SPDX-License-Identifier: MIT
conformance-tests += gnttab-batch
gnttab-batch-objs := tests/conformance/gnttab-batch/main.o
gnttab-batch-category := functional
gnttab-batch-purpose := grant_table_op batch rules: count 0, huge and negative counts, unmapped arrays, cmd high bits, unknown ops, 1000-op preempted copy batches
