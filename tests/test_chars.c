/* test_chars.c: the generated character table matches the class definitions
 * in parsers/common/chars_gen.py, byte for byte, for all 256 bytes. */
#include <string.h>

#include "chars.h"
#include "testlib.h"

static void check_class(const char *name, uint32_t bit, const char *members) {
  for (int c = 0; c < 256; c++) {
    int want = c != 0 && strchr(members, c) != NULL;
    int got = sf_char_is((uint8_t)c, bit);
    if (want != got) {
      sf_test_failures++;
      fprintf(stderr, "class %s: byte 0x%02x is %s the table but %s the definition\n", name, c,
              got ? "in" : "not in", want ? "in" : "not in");
    }
    sf_test_checks++;
  }
}

static void test_table_matches_definitions(void) {
#define X(name, members) check_class(#name, name, members);
  SF_CHARS_DEFINITIONS(X)
#undef X
}

static void test_spot_checks(void) {
  /* A few facts straight from the RFCs, independent of the generator. */
  CHECK(sf_char_is('~', SF_C_TOKEN));
  CHECK(!sf_char_is('/', SF_C_TOKEN));
  CHECK(!sf_char_is('/', SF_C_MIME_TOKEN)); /* tspecial: why protocol= must be quoted */
  CHECK(sf_char_is(' ', SF_C_BCHAR));
  CHECK(!sf_char_is('\0', SF_C_USER));
  CHECK(!sf_char_is(0x80, SF_C_TOKEN));
  CHECK_INT(sf_hex_value('f'), 15);
  CHECK_INT(sf_hex_value('G'), -1);
}

int main(void) {
  RUN(test_table_matches_definitions);
  RUN(test_spot_checks);
  return sf_test_finish();
}
