/* SPDX-License-Identifier: MIT */
/* The threads/timers/mapping stress, shared by the example and a test. */
#ifndef GK_EXAMPLES_STRESS_H
#define GK_EXAMPLES_STRESS_H

#include <stdint.h>

/*
 * Run the stress for `seconds`, print what it did and the frames and
 * heap in use before and after. Returns the number of problems found
 * (wrong data, early wake-ups, a leak): 0 is a pass.
 */
unsigned int stress_run(unsigned int seconds);

#endif
