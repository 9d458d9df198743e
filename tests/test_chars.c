/* test_chars.c: the generated character table matches the class definitions
 * in parsers/common/chars_gen.py, byte for byte, for all 256 bytes; and the
 * shared UTF-8 validator (parsers/common/utf8.c) on each kind of ill-formed
 * sequence, with the index of the first bad byte. */
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "testlib.h"
#include "utf8.h"

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

static void test_utf8(void) {
  static const struct {
    const char *in;
    size_t len; /* strlen(in) unless it holds a NUL */
    long bad;   /* index of the first bad byte; -1: well-formed */
    const char *what;
  } rows[] = {
      {"", 0, -1, "nothing"},
      {"OK \t\x01\x7f", 0, -1, "ASCII, controls included (callers judge those)"},
      {"\0", 1, -1, "NUL"},
      {"\xc2\x80 \xc3\xa9 \xdf\xbf", 0, -1, "two bytes: U+0080, U+00E9, U+07FF"},
      {"\xe0\xa0\x80 \xe2\x82\xac \xed\x9f\xbf \xee\x80\x80 \xef\xbf\xbf", 0, -1,
       "three bytes: U+0800, U+20AC, U+D7FF, U+E000, U+FFFF"},
      {"\xf0\x90\x80\x80 \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf", 0, -1,
       "four bytes: U+10000, U+1F600, U+10FFFF"},
      {"a\xc0\x80", 0, 1, "overlong NUL (C0 80): C0 never appears"},
      {"a\xc1\xbf", 0, 1, "overlong U+007F (C1 BF)"},
      {"\xc3\xa9\xe0\x80\xaf", 0, 2, "overlong three-byte '/' (E0 80 AF): its lead"},
      {"\xe0\x9f\xbf", 0, 0, "overlong U+07FF in three bytes"},
      {"\xe0\xa0", 0, 0, "E0 A0 cut short"},
      {"\xf0\x8f\xbf\xbf", 0, 0, "overlong U+FFFF in four bytes"},
      {"x\xed\xa0\x80", 0, 1, "surrogate U+D800: its lead"},
      {"\xed\xbf\xbf", 0, 0, "surrogate U+DFFF"},
      {"\xf4\x90\x80\x80", 0, 0, "U+110000, above U+10FFFF"},
      {"\xf4\x8f\xbf\xc0", 0, 0, "U+10FFFF with a bad last byte"},
      {"\xf5\x80\x80\x80", 0, 0, "lead F5: always above U+10FFFF"},
      {"\xf8\x88\x80\x80\x80", 0, 0, "a five-byte form"},
      {"\xff\xfe", 0, 0, "FF FE"},
      {"ab\x80", 0, 2, "a stray continuation byte"},
      {"\xc3\xa9\xa9", 0, 2, "one continuation byte too many"},
      {"z\xe2\x82", 0, 1, "cut short by the end: the lead"},
      {"\xf0\x9f\x98", 0, 0, "four-byte sequence cut short by the end"},
      {"\xc3", 0, 0, "a lone lead byte at the end"},
      {"\xe2\x82(", 0, 0, "cut short by ASCII"},
      {"caf\xe9 au lait", 0, 3, "Latin-1 e acute followed by ASCII"},
      {"caf\xe9", 0, 3, "Latin-1 e acute at the end"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    size_t len = rows[i].len ? rows[i].len : strlen(rows[i].in);
    const uint8_t *in = sf_guard(rows[i].in, len); /* an over-read faults */
    size_t bad = 12345;
    int ok = sf_utf8_check(in, len, &bad);
    long got = ok ? -1 : (long)bad;
    sf_test_checks++;
    if (got != rows[i].bad) {
      sf_test_failures++;
      fprintf(stderr, "[utf8] %s: got %ld, want %ld\n", rows[i].what, got, rows[i].bad);
    }
  }
}

int main(void) {
  RUN(test_table_matches_definitions);
  RUN(test_spot_checks);
  RUN(test_utf8);
  return sf_test_finish();
}
