# SPDX-License-Identifier: MIT
conformance-tests += boot-module
boot-module-objs := tests/conformance/boot-module/main.o
boot-module-category := functional
boot-module-purpose := the second boot module is mapped at mod_start with its exact length and bytes
boot-module-module := tests/conformance/boot-module/module.txt
