conformance-tests += mm-unpin-in-use
mm-unpin-in-use-objs := tests/conformance/mm-unpin-in-use/main.o
mm-unpin-in-use-category := functional
mm-unpin-in-use-purpose := unpinning a table that is only linked, or twice, is refused; linked tables stay typed after unpin
