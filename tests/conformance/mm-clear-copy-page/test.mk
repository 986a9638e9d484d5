conformance-tests += mm-clear-copy-page
mm-clear-copy-page-objs := tests/conformance/mm-clear-copy-page/main.o
mm-clear-copy-page-category := functional
mm-clear-copy-page-purpose := CLEAR_PAGE and COPY_PAGE write data frames only
