conformance-tests += boot-smoke
boot-smoke-objs := tests/conformance/boot-smoke/main.o
boot-smoke-category := smoke
boot-smoke-purpose := a guest-kit kernel boots, prints and powers off
