# SPDX-License-Identifier: MIT
conformance-tests += trap-de
trap-de-objs := tests/conformance/trap-de/main.o
trap-de-category := functional
trap-de-purpose := #DE from div by zero is bounced to vector 0 at the div, no error code
