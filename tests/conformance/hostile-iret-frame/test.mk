# SPDX-License-Identifier: MIT
conformance-tests += hostile-iret-frame
hostile-iret-frame-objs := tests/conformance/hostile-iret-frame/main.o
hostile-iret-frame-category := xsa
hostile-iret-frame-purpose := iret frames with IOPL/NT/VM/AC/RF/VIF/VIP, RPL 0/1 selectors, bad CS/SS and non-canonical RIP give sanitised flags or a #GP to the guest, never more
