/* chars.c: the generated character-class table (see chars_gen.py). */
#include "chars.h"

const uint32_t sf_char_class[256] = {
#include "chars_table.inc"
};
