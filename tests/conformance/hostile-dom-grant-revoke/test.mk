# SPDX-License-Identifier: MIT
conformance-tests += hostile-dom-grant-revoke
hostile-dom-grant-revoke-objs := tests/conformance/hostile-dom-grant-revoke/main.o $(dom-lib-objs)
hostile-dom-grant-revoke-category := xsa
hostile-dom-grant-revoke-purpose := a granted page stays mapped and cannot be revoked while the grantee maps it, even after its granter is destroyed; every frame comes back when both are gone
hostile-dom-grant-revoke-module := build/tests/domu/domu.elf
