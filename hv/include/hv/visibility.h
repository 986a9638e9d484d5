/* SPDX-License-Identifier: MIT */
/*
 * Included first in every hv object (-include): all symbols are local to
 * the one hv image, so PIE code reaches them RIP-relative, never via a GOT.
 */
#pragma GCC visibility push(hidden)
