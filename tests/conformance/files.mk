# SPDX-License-Identifier: MIT
# Each conformance test declares itself in tests/conformance/<name>/test.mk:
#   conformance-tests += NAME
#   NAME-objs := tests/conformance/NAME/main.o
#   NAME-category := functional | xsa | smoke
#   NAME-purpose := one line: the ABI behaviour it pins
#   NAME-args := extra dom0 command-line words (optional)
#   NAME-module := a second boot module, relative to the repository (optional)
# TEMPLATE/ is the skeleton of a new test (docs/conformance.md), not a test.
include $(sort $(filter-out tests/conformance/TEMPLATE/test.mk,\
    $(wildcard tests/conformance/*/test.mk)))

conf-categories := functional xsa smoke
$(foreach t,$(conformance-tests),\
    $(if $(filter $($(t)-category),$(conf-categories)),,\
        $(error tests/conformance/$(t)/test.mk: category "$($(t)-category)" is not one of: $(conf-categories))))
