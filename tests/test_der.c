/* test_der.c: the DER/BER reader, case by case. Each table row is one
 * encoding, the flags it is read with, and the status and error offset
 * X.690 says it should get. Inputs go through sf_guard. */
#include <stdlib.h>

#include "sf/der.h"
#include "testlib.h"

/* unhex turns "30 03 02 01 05" into bytes (spaces ignored). */
static size_t unhex(const char *hex, uint8_t *out, size_t cap) {
  size_t n = 0;
  int hi = -1;
  for (; *hex; hex++) {
    int v = (*hex >= '0' && *hex <= '9')   ? *hex - '0'
            : (*hex >= 'A' && *hex <= 'F') ? *hex - 'A' + 10
            : (*hex >= 'a' && *hex <= 'f') ? *hex - 'a' + 10
                                           : -1;
    if (v < 0) continue;
    if (hi < 0) {
      hi = v;
    } else if (n < cap) {
      out[n++] = (uint8_t)(hi << 4 | v);
      hi = -1;
    }
  }
  return n;
}

#define BER SF_DER_BER

/* walk reads every element at every depth, as the der harness does. */
static int walk(sf_der *d) {
  while (!sf_der_at_end(d)) {
    sf_der_elem e;
    int rc = sf_der_get_any(d, &e);
    if (rc != SF_DER_OK) return rc;
    int is_string = (e.tag & SF_DER_CLASS_MASK) == 0 && (e.tag & SF_DER_NUMBER_MASK) <= 30 &&
                    (e.tag & SF_DER_NUMBER_MASK) != 16 && (e.tag & SF_DER_NUMBER_MASK) != 17;
    if ((e.tag & SF_DER_CONSTRUCTED) && !is_string) {
      sf_der inner;
      rc = sf_der_open(d, &e, &inner);
      if (rc == SF_DER_OK) rc = walk(&inner);
      if (rc != SF_DER_OK) return rc;
    }
  }
  return SF_DER_OK;
}

static const struct {
  const char *hex;
  unsigned flags;
  int status;
  size_t offset;
  const char *what;
} cases[] = {
    {"05 00", 0, SF_DER_OK, 0, "NULL"},
    {"", 0, SF_DER_OK, 0, "nothing: no elements"},
    {"05", 0, SF_DER_TRUNCATED, 1, "no length octet"},
    {"04 02 41", 0, SF_DER_TRUNCATED, 3, "contents shorter than the length"},
    {"1F 05 00", 0, SF_DER_NONMINIMAL_TAG, 0, "high-tag form for tag 5"},
    {"1F 80 21 00", 0, SF_DER_NONMINIMAL_TAG, 1, "high tag with a leading 0x80"},
    {"1F 1F 00", 0, SF_DER_OK, 0, "tag 31, the first high tag"},
    {"9F 81 80 80 80 00 00", 0, SF_DER_TAG_TOO_LONG, 5, "five tag octets"},
    {"DF FF FF FF 7F 00", 0, SF_DER_OK, 0, "the largest tag number, 2^28-1"},
    {"1F 81", 0, SF_DER_TRUNCATED, 2, "high tag cut short"},
    {"04 81 05 41 42 43 44 45", 0, SF_DER_NONMINIMAL_LENGTH, 1, "long form for 5"},
    {"04 81 05 41 42 43 44 45", BER, SF_DER_OK, 0, "the same in BER"},
    {"04 82 00 81", 0, SF_DER_NONMINIMAL_LENGTH, 1, "leading zero length octet"},
    {"04 FF", 0, SF_DER_RESERVED_LENGTH, 1, "length octet FF"},
    {"04 85 01 00 00 00 00", BER, SF_DER_LENGTH_TOO_LONG, 1, "a 5-octet length"},
    {"04 84 FF FF FF FF", 0, SF_DER_TRUNCATED, 6, "a 4 GiB length"},
    {"30 80 00 00", 0, SF_DER_INDEFINITE_LENGTH, 1, "indefinite in DER"},
    {"30 80 00 00", BER, SF_DER_OK, 0, "indefinite in BER"},
    {"30 80 30 80 05 00 00 00 00 00", BER, SF_DER_OK, 0, "nested indefinite"},
    {"04 80 00 00", BER, SF_DER_INDEFINITE_PRIMITIVE, 1, "indefinite primitive"},
    {"30 80 05 00", BER, SF_DER_MISSING_EOC, 4, "no end-of-contents"},
    {"30 80 00 01 00", BER, SF_DER_BAD_EOC, 2, "end-of-contents with a length"},
    {"30 02 00 00", 0, SF_DER_BAD_EOC, 2, "end-of-contents in definite contents"},
    {"30 80 00 81 00 00 00", BER, SF_DER_BAD_EOC, 2, "00 81 00 is not end-of-contents"},
    {"24 80 04 01 41 00 81 00 00 00", BER, SF_DER_BAD_EOC, 5,
     "00 81 00 is not end-of-contents in a string"},
    {"22 03 02 01 05", 0, SF_DER_BAD_FORM, 0, "constructed INTEGER"},
    {"10 00", 0, SF_DER_BAD_FORM, 0, "primitive SEQUENCE"},
    {"24 03 04 01 41", 0, SF_DER_CONSTRUCTED_STRING, 0, "constructed OCTET STRING in DER"},
    {"24 03 04 01 41", BER, SF_DER_OK, 0, "constructed OCTET STRING in BER"},
    {"24 03 02 01 41", BER, SF_DER_BAD_STRING_SEGMENT, 2, "an INTEGER segment"},
    {"24 80 04 01 41 24 80 04 00 00 00 00 00", BER, SF_DER_OK, 0, "nested indefinite segments"},
    {"24 0E 24 0C 24 0A 24 08 24 06 24 04 24 02 04 00", BER, SF_DER_STRING_TOO_DEEP, 12,
     "segments nested 7 deep"},
    {"24 0C 24 0A 24 08 24 06 24 04 24 02 04 00", BER, SF_DER_OK, 0,
     "segments nested 6 deep: 5 inside the outer one"},
    {"02 00", 0, SF_DER_BAD_INTEGER, 2, "empty INTEGER"},
    {"02 02 00 7F", 0, SF_DER_NONMINIMAL_INTEGER, 2, "INTEGER with a redundant 00"},
    {"02 02 FF 80", 0, SF_DER_NONMINIMAL_INTEGER, 2, "INTEGER with a redundant FF"},
    {"02 02 00 80", 0, SF_DER_OK, 0, "INTEGER 128"},
    {"0A 02 00 01", 0, SF_DER_NONMINIMAL_INTEGER, 2, "ENUMERATED with a redundant 00"},
    {"01 01 01", 0, SF_DER_BAD_BOOLEAN, 2, "BOOLEAN 01 in DER"},
    {"01 01 01", BER, SF_DER_OK, 0, "BOOLEAN 01 in BER"},
    {"01 02 FF FF", BER, SF_DER_BAD_BOOLEAN, 2, "two-octet BOOLEAN"},
    {"05 01 00", 0, SF_DER_BAD_NULL, 2, "NULL with contents"},
    {"06 00", 0, SF_DER_BAD_OID, 2, "empty OID"},
    {"06 02 2A 86", 0, SF_DER_BAD_OID, 2, "OID ending inside an arc"},
    {"06 03 2A 80 01", 0, SF_DER_NONMINIMAL_OID_ARC, 2, "OID arc with a leading 0x80"},
    {"06 0B 2A 82 80 80 80 80 80 80 80 80 00", 0, SF_DER_OID_ARC_TOO_LARGE, 2, "a 65-bit arc"},
    {"06 0A 2A 81 FF FF FF FF FF FF FF 7F", 0, SF_DER_OK, 0, "a 64-bit arc"},
    {"06 1F 2A 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01",
     0, SF_DER_OK, 0, "OID of 32 arcs, SF_DER_MAX_OID_ARCS (2A stands for two)"},
    {"06 20 2A 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01 01",
     0, SF_DER_TOO_MANY_OID_ARCS, 2, "OID of 33 arcs"},
    {"03 00", 0, SF_DER_BAD_BIT_STRING, 2, "BIT STRING without unused-bits octet"},
    {"03 01 01", 0, SF_DER_BAD_BIT_STRING, 2, "unused bits in an empty BIT STRING"},
    {"03 02 08 00", 0, SF_DER_BAD_BIT_STRING, 2, "8 unused bits"},
    {"03 02 01 01", 0, SF_DER_BAD_BIT_STRING, 2, "nonzero padding in DER"},
    {"03 02 01 01", BER, SF_DER_OK, 0, "nonzero padding in BER"},
    {"23 80 03 02 01 80 03 02 00 FF 00 00", BER, SF_DER_BAD_BIT_STRING, 8,
     "unused bits in a segment that is not the last"},
    {"1E 01 41", 0, SF_DER_BAD_STRING, 2, "odd-length BMPString"},
    {"1C 02 00 41", 0, SF_DER_BAD_STRING, 2, "UniversalString not a multiple of 4"},
};

static void test_cases(void) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    uint8_t buf[64];
    size_t n = unhex(cases[i].hex, buf, sizeof buf);
    const uint8_t *in = sf_guard(buf, n);
    sf_der_state st;
    sf_der d;
    sf_der_init(&d, &st, in, n, cases[i].flags);
    int rc = walk(&d);
    sf_test_checks++;
    if (rc != cases[i].status || (rc != SF_DER_OK && st.err.offset != cases[i].offset) ||
        st.err.code != rc) {
      sf_test_failures++;
      fprintf(stderr, "[cases] %s (%s): got %s at %zu, want %s at %zu\n", cases[i].what,
              cases[i].hex, sf_der_status_name(rc), st.err.offset,
              sf_der_status_name(cases[i].status), cases[i].offset);
    }
  }
}

static void test_warnings(void) {
  uint8_t buf[32];
  size_t n = unhex("30 80 24 80 04 01 41 00 00 01 01 01 03 02 01 01 04 81 01 41 00 00", buf,
                   sizeof buf);
  const uint8_t *in = sf_guard(buf, n);
  sf_der_state st;
  sf_der d;
  sf_der_init(&d, &st, in, n, BER);
  CHECK_INT(walk(&d), SF_DER_OK);
  CHECK_INT(st.warnings, SF_DER_W_INDEFINITE | SF_DER_W_CONSTRUCTED_STRING |
                             SF_DER_W_BER_BOOLEAN | SF_DER_W_BIT_PADDING |
                             SF_DER_W_NONMINIMAL_LENGTH);
}

static void test_depth(void) {
  /* SF_DER_MAX_DEPTH levels open; one more fails where it starts. */
  uint8_t buf[4 * (SF_DER_MAX_DEPTH + 2)];
  for (int levels = SF_DER_MAX_DEPTH; levels <= SF_DER_MAX_DEPTH + 1; levels++) {
    size_t n = 0;
    for (int i = 0; i < levels; i++) {
      buf[n++] = 0x30;
      buf[n++] = (uint8_t)(2 * (levels - 1 - i));
    }
    const uint8_t *in = sf_guard(buf, n);
    sf_der_state st;
    sf_der d;
    sf_der_init(&d, &st, in, n, 0);
    int rc = walk(&d);
    CHECK_INT(rc, levels > SF_DER_MAX_DEPTH ? SF_DER_TOO_DEEP : SF_DER_OK);
    /* Indefinite: the same limit while looking for the end. */
    n = 0;
    for (int i = 0; i < levels; i++) buf[n++] = 0x30, buf[n++] = 0x80;
    for (int i = 0; i < levels; i++) buf[n++] = 0x00, buf[n++] = 0x00;
    in = sf_guard(buf, n);
    sf_der_init(&d, &st, in, n, BER);
    rc = walk(&d);
    CHECK_INT(rc, levels > SF_DER_MAX_DEPTH ? SF_DER_TOO_DEEP : SF_DER_OK);
  }
}

static void test_cursor(void) {
  uint8_t buf[16];
  size_t n = unhex("30 05 02 01 05 05 00 01", buf, sizeof buf);
  const uint8_t *in = sf_guard(buf, n);
  sf_der_state st;
  sf_der d, seq;
  sf_der_init(&d, &st, in, n, 0);
  uint64_t v = 0;
  /* A wrong tag fails without moving. */
  CHECK_INT(sf_der_get(&d, SF_DER_SET, &seq), SF_DER_UNEXPECTED_TAG);
  CHECK_INT(d.pos, 0);
  sf_der_init(&d, &st, in, n, 0);
  CHECK_INT(sf_der_get(&d, SF_DER_SEQUENCE, &seq), SF_DER_OK);
  CHECK_INT(seq.depth, 1);
  CHECK_INT(sf_der_get_u64(&seq, &v), SF_DER_OK);
  CHECK_INT(v, 5);
  CHECK_INT(sf_der_get_null(&seq), SF_DER_OK);
  CHECK_INT(sf_der_finish(&seq), SF_DER_OK);
  CHECK_INT(sf_der_get_null(&seq), SF_DER_MISSING_ELEMENT);
  CHECK_INT(sf_der_finish(&d), SF_DER_TRAILING_DATA);
  CHECK_INT(st.err.code, SF_DER_MISSING_ELEMENT); /* the first failure is kept */
  sf_der_init(&d, &st, in, n, 0);
  sf_der_get(&d, SF_DER_SEQUENCE, &seq);
  CHECK_INT(sf_der_finish(&d), SF_DER_TRAILING_DATA);
  CHECK_INT(st.err.offset, 7);
}

static void test_integers(void) {
  static const struct {
    const char *hex;
    int status;
    uint64_t value;
  } rows[] = {
      {"02 01 00", SF_DER_OK, 0},
      {"02 01 7F", SF_DER_OK, 127},
      {"02 09 00 FF FF FF FF FF FF FF FF", SF_DER_OK, UINT64_MAX},
      {"02 09 01 00 00 00 00 00 00 00 00", SF_DER_INTEGER_TOO_LARGE, 0},
      {"02 01 80", SF_DER_NEGATIVE_INTEGER, 0},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    uint8_t buf[16];
    size_t n = unhex(rows[i].hex, buf, sizeof buf);
    sf_der_state st;
    sf_der d;
    sf_der_init(&d, &st, sf_guard(buf, n), n, 0);
    uint64_t v = 0;
    CHECK_INT(sf_der_get_u64(&d, &v), rows[i].status);
    if (rows[i].status == SF_DER_OK) CHECK(v == rows[i].value);
    if (rows[i].status != SF_DER_OK) CHECK_INT(d.pos, 0);
  }
}

static void test_oid_text(void) {
  static const struct {
    const char *text;
    const char *hex;
  } rows[] = {
      {"1.2.840.113549.1.7.2", "2A 86 48 86 F7 0D 01 07 02"},
      {"1.3.14.3.2.26", "2B 0E 03 02 1A"},
      {"2.999.3", "88 37 03"},
      {"0.39", "27"},
      {"2.5.29.17", "55 1D 11"},
      {"1.2.18446744073709551615", "2A 81 FF FF FF FF FF FF FF FF 7F"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    uint8_t want[32], got[32];
    size_t wn = unhex(rows[i].hex, want, sizeof want), gn = 0;
    CHECK_INT(sf_der_oid_from_text(rows[i].text, strlen(rows[i].text), got, sizeof got, &gn),
              SF_DER_OK);
    CHECK_BYTES(sf_slice_make(got, gn), want, wn);
    char text[SF_DER_OID_TEXT_MAX];
    size_t tn = 0;
    CHECK_INT(sf_der_oid_to_text(sf_slice_make(sf_guard(want, wn), wn), text, sizeof text, &tn),
              SF_DER_OK);
    CHECK_SLICE(sf_slice_make((const uint8_t *)text, tn), rows[i].text);
  }
  /* SF_DER_MAX_OID_ARCS arcs, then one more. */
  char many[2 * (SF_DER_MAX_OID_ARCS + 1)];
  size_t mn = 0;
  for (int arc = 0; arc <= SF_DER_MAX_OID_ARCS; arc++) {
    if (arc > 0) many[mn++] = '.';
    many[mn++] = '1';
    if (arc >= 1) {
      uint8_t got[64];
      size_t gn = 0;
      CHECK_INT(sf_der_oid_from_text(many, mn, got, sizeof got, &gn),
                arc < SF_DER_MAX_OID_ARCS ? SF_DER_OK : SF_DER_TOO_MANY_OID_ARCS);
    }
  }
  static const char *const bad[] = {"",      "1",    "3.1",   "1.40", "1.2.", "01.2",
                                    "1..2",  "1.2a", "1.-2",  "1.2.18446744073709551616"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    uint8_t got[32];
    size_t gn = 0;
    sf_test_checks++;
    if (sf_der_oid_from_text(bad[i], strlen(bad[i]), got, sizeof got, &gn) != SF_DER_BAD_OID_TEXT) {
      sf_test_failures++;
      fprintf(stderr, "[oid_text] \"%s\" was accepted\n", bad[i]);
    }
  }
  uint8_t oid[] = {0x2A, 0x86, 0x48};
  char small[8];
  size_t tn = 0;
  for (size_t cap = 0; cap < 8; cap++) {
    CHECK_INT(sf_der_oid_to_text(sf_slice_make(oid, 3), small, cap, &tn), SF_DER_BUFFER_TOO_SMALL);
  }
  CHECK_INT(sf_der_oid_to_text(sf_slice_make(oid, 3), small, 8, &tn), SF_DER_OK);
  CHECK_INT(tn, 7); /* "1.2.840" and its NUL */
}

/* oid_with_arcs writes SEQUENCE { NULL, OID } where the OID has |arcs| arcs
 * (1.2, then arc 1, or arc 128 in two octets when |wide|) and returns its
 * length; *out_contents gets the offset of the OID's contents octets. */
static size_t oid_with_arcs(uint8_t *buf, size_t arcs, int wide, size_t *out_contents) {
  uint8_t oid[2 * SF_DER_MAX_OID_ARCS + 8];
  size_t n = 0;
  oid[n++] = 0x2A; /* 1.2: the first subidentifier is two arcs (X.690 8.19.4) */
  for (size_t i = 2; i < arcs; i++) {
    if (wide) oid[n++] = 0x81; /* 0x81 0x00 is 128 */
    oid[n++] = wide ? 0x00 : 0x01;
  }
  size_t k = 0;
  buf[k++] = 0x30;
  buf[k++] = (uint8_t)(2 + 2 + n); /* below 128 for every case here */
  buf[k++] = 0x05;
  buf[k++] = 0x00;
  buf[k++] = 0x06;
  buf[k++] = (uint8_t)n;
  *out_contents = k;
  memcpy(buf + k, oid, n);
  return k + n;
}

static void test_oid_arcs(void) {
  /* SF_DER_MAX_OID_ARCS arcs are read; one more is SF_DER_TOO_MANY_OID_ARCS,
   * reported at the OID's contents octets (the element's header is fine). */
  for (int wide = 0; wide <= 1; wide++) {
    for (size_t arcs = SF_DER_MAX_OID_ARCS; arcs <= SF_DER_MAX_OID_ARCS + 1; arcs++) {
      uint8_t buf[2 * SF_DER_MAX_OID_ARCS + 16];
      size_t contents = 0;
      size_t n = oid_with_arcs(buf, arcs, wide, &contents);
      const uint8_t *in = sf_guard(buf, n);
      sf_der_state st;
      sf_der d;
      sf_der_init(&d, &st, in, n, 0);
      int want = arcs > SF_DER_MAX_OID_ARCS ? SF_DER_TOO_MANY_OID_ARCS : SF_DER_OK;
      CHECK_INT(walk(&d), want);
      CHECK_INT(st.err.code, want);
      if (want != SF_DER_OK) CHECK_INT(st.err.offset, contents);
      /* The same verdict from the OID helpers. */
      sf_slice oid = sf_slice_make(in + contents, n - contents);
      CHECK_INT(sf_der_oid_check(oid), want);
      char text[SF_DER_OID_TEXT_MAX + 32];
      size_t tn = 0;
      CHECK_INT(sf_der_oid_to_text(oid, text, sizeof text, &tn), want);
      /* And from dotted text: "1.2" and then arcs - 2 more. */
      char dotted[8 * (SF_DER_MAX_OID_ARCS + 2)];
      size_t dn = (size_t)snprintf(dotted, sizeof dotted, "1.2");
      for (size_t i = 2; i < arcs; i++) {
        dn += (size_t)snprintf(dotted + dn, sizeof dotted - dn, ".%s", wide ? "128" : "1");
      }
      uint8_t back[2 * SF_DER_MAX_OID_ARCS + 8];
      size_t bn = 0;
      CHECK_INT(sf_der_oid_from_text(dotted, dn, back, sizeof back, &bn), want);
      if (want == SF_DER_OK) {
        CHECK_SLICE(sf_slice_make((const uint8_t *)text, tn), dotted);
        CHECK_BYTES(sf_slice_make(back, bn), oid.ptr, oid.len);
      }
    }
  }
}

static void test_times(void) {
  static const struct {
    const char *hex_tag;
    const char *text;
    int status;
    int64_t unix_time;
  } rows[] = {
      {"17", "050204201712Z", SF_DER_OK, 1107548232},
      {"17", "500101000000Z", SF_DER_OK, -631152000},
      {"17", "491231235959Z", SF_DER_OK, 2524607999},
      {"18", "20050204201712Z", SF_DER_OK, 1107548232},
      {"18", "20040229000000Z", SF_DER_OK, 1078012800},
      {"18", "20050204201712.5Z", SF_DER_OK, 1107548232},
      {"18", "20050204201712.50Z", SF_DER_BAD_TIME, 0},
      {"18", "20050204201712.Z", SF_DER_BAD_TIME, 0},
      {"18", "21000229000000Z", SF_DER_BAD_TIME, 0},
      {"17", "0502042017Z", SF_DER_BAD_TIME, 0},
      {"17", "050230201712Z", SF_DER_BAD_TIME, 0},
      {"17", "050204241712Z", SF_DER_BAD_TIME, 0},
      {"17", "050204201760Z", SF_DER_BAD_TIME, 0},
      {"17", "050204201712+0100", SF_DER_BAD_TIME, 0},
      {"17", "050204201712", SF_DER_BAD_TIME, 0},
      {"17", "05020420171Z2", SF_DER_BAD_TIME, 0},
      {"04", "050204201712Z", SF_DER_UNEXPECTED_TAG, 0},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    uint8_t buf[40];
    size_t tl = strlen(rows[i].text);
    unhex(rows[i].hex_tag, buf, 1);
    buf[1] = (uint8_t)tl;
    memcpy(buf + 2, rows[i].text, tl);
    sf_der_state st;
    sf_der d;
    sf_der_init(&d, &st, sf_guard(buf, tl + 2), tl + 2, 0);
    sf_der_time t;
    int rc = sf_der_get_time(&d, &t);
    sf_test_checks++;
    if (rc != rows[i].status ||
        (rc == SF_DER_OK && sf_der_time_to_unix(&t) != rows[i].unix_time)) {
      sf_test_failures++;
      fprintf(stderr, "[times] %s: got %s\n", rows[i].text, sf_der_status_name(rc));
    }
  }
}

static void test_text(void) {
  static const struct {
    sf_der_tag tag;
    const char *hex;
    int ok;
  } rows[] = {
      {SF_DER_PRINTABLESTRING, "41 20 27 3F", 1},
      {SF_DER_PRINTABLESTRING, "41 40", 0}, /* '@' is not printable */
      {SF_DER_IA5STRING, "41 40 7F", 1},
      {SF_DER_IA5STRING, "80", 0},
      {SF_DER_NUMERICSTRING, "31 20 32", 1},
      {SF_DER_NUMERICSTRING, "31 2E", 0},
      {SF_DER_VISIBLESTRING, "0A", 0},
      {SF_DER_UTF8STRING, "C3 A9 E2 82 AC F0 9F 98 80", 1},
      {SF_DER_UTF8STRING, "C0 80", 0},       /* overlong NUL */
      {SF_DER_UTF8STRING, "ED A0 80", 0},    /* a surrogate */
      {SF_DER_UTF8STRING, "F4 90 80 80", 0}, /* above U+10FFFF */
      {SF_DER_UTF8STRING, "E2 82", 0},       /* cut short */
      {SF_DER_BMPSTRING, "00 41 D8 00", 0},
      {SF_DER_UNIVERSALSTRING, "00 11 00 00", 0},
      {SF_DER_T61STRING, "FF 00", 1},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    uint8_t buf[16];
    size_t n = unhex(rows[i].hex, buf, sizeof buf);
    int rc = sf_der_check_text(rows[i].tag, sf_slice_make(sf_guard(buf, n), n));
    CHECK_INT(rc, rows[i].ok ? SF_DER_OK : SF_DER_BAD_STRING);
  }
}

static void test_strings(void) {
  uint8_t buf[32], out[16];
  size_t n = unhex("24 80 04 01 41 24 03 04 01 42 04 00 04 01 43 00 00", buf, sizeof buf);
  sf_der_state st;
  sf_der d;
  sf_der_init(&d, &st, sf_guard(buf, n), n, BER);
  sf_der_string s;
  CHECK_INT(sf_der_get_string(&d, SF_DER_OCTET_STRING, &s), SF_DER_OK);
  CHECK_INT(s.constructed, 1);
  CHECK_INT(s.length, 3);
  CHECK_INT(s.segments, 4);
  size_t len = 0;
  CHECK_INT(sf_der_string_copy(&s, out, 2, &len), SF_DER_BUFFER_TOO_SMALL);
  CHECK_INT(sf_der_string_copy(&s, out, sizeof out, &len), SF_DER_OK);
  CHECK_BYTES(sf_slice_make(out, len), (const uint8_t *)"ABC", 3);
  /* [0] IMPLICIT OCTET STRING, constructed (CMS encryptedContent). */
  n = unhex("A0 06 04 01 41 04 01 42", buf, sizeof buf);
  sf_der_init(&d, &st, sf_guard(buf, n), n, BER);
  CHECK_INT(sf_der_get_implicit_string(&d, SF_DER_CONTEXT(0), SF_DER_OCTET_STRING, &s), SF_DER_OK);
  CHECK_INT(s.length, 2);
  sf_der_init(&d, &st, sf_guard(buf, n), n, 0);
  CHECK_INT(sf_der_get_implicit_string(&d, SF_DER_CONTEXT(0), SF_DER_OCTET_STRING, &s),
            SF_DER_CONSTRUCTED_STRING);
  n = unhex("A0 06 04 01 41 02 01 42", buf, sizeof buf);
  sf_der_init(&d, &st, sf_guard(buf, n), n, BER);
  CHECK_INT(sf_der_get_implicit_string(&d, SF_DER_CONTEXT(0), SF_DER_OCTET_STRING, &s),
            SF_DER_BAD_STRING_SEGMENT);
  CHECK_INT(st.err.offset, 5);
  /* A constructed messageDigest is refused even in BER. */
  n = unhex("24 03 04 01 41", buf, sizeof buf);
  sf_der_init(&d, &st, sf_guard(buf, n), n, BER);
  sf_slice octets;
  CHECK_INT(sf_der_get_octets(&d, &octets), SF_DER_CONSTRUCTED_STRING);
}

static void check_ber_to_der(const char *ber_hex, const char *der_hex) {
  uint8_t ber[64], want[64], out[64];
  size_t bn = unhex(ber_hex, ber, sizeof ber), wn = unhex(der_hex, want, sizeof want), on = 0;
  sf_error err;
  const uint8_t *in = sf_guard(ber, bn);
  CHECK_INT(sf_der_ber_to_der(in, bn, BER, out, sizeof out, &on, &err), SF_DER_OK);
  CHECK_BYTES(sf_slice_make(out, on), want, wn);
  /* The size is known before anything is written. */
  memset(out, 0xEE, sizeof out);
  CHECK_INT(sf_der_ber_to_der(in, bn, BER, out, wn - 1, &on, &err), SF_DER_BUFFER_TOO_SMALL);
  CHECK_INT(on, wn);
  CHECK_INT(out[0], 0xEE);
  /* And the result is DER: it converts to itself in strict mode. */
  uint8_t again[64];
  size_t an = 0;
  CHECK_INT(sf_der_ber_to_der(sf_guard(want, wn), wn, 0, again, sizeof again, &an, &err), SF_DER_OK);
  CHECK_BYTES(sf_slice_make(again, an), want, wn);
}

static void test_ber_to_der(void) {
  check_ber_to_der("30 80 02 01 05 24 80 04 01 41 04 02 42 43 00 00 00 00",
                   "30 08 02 01 05 04 03 41 42 43");
  check_ber_to_der("30 81 03 01 01 01", "30 03 01 01 FF");
  check_ber_to_der("23 80 03 02 00 FF 03 02 04 F1 00 00", "03 03 04 FF F0");
  check_ber_to_der("23 00", "03 01 00");
  check_ber_to_der("A0 80 A1 80 05 00 00 00 00 00", "A0 04 A1 02 05 00");
  check_ber_to_der("0C 01 41", "0C 01 41");
  uint8_t buf[8], out[8];
  size_t n = unhex("30 00 00", buf, sizeof buf), on = 0;
  sf_error err;
  CHECK_INT(sf_der_ber_to_der(sf_guard(buf, n), n, BER, out, sizeof out, &on, &err),
            SF_DER_TRAILING_DATA);
  CHECK_INT(err.offset, 2);
  /* The draft's blob 1 is DER already: it comes out identical. */
  size_t len = 0;
  uint8_t *blob = sf_read_file(sf_source_path("tests/data/draft/cms/blob1-signed.der"), &len);
  if (blob == NULL) return;
  uint8_t *conv = malloc(len);
  CHECK_INT(sf_der_ber_to_der(sf_guard(blob, len), len, BER, conv, len, &on, &err), SF_DER_OK);
  CHECK_BYTES(sf_slice_make(conv, on), blob, len);
  free(conv);
  free(blob);
}

static void test_write_header(void) {
  static const struct {
    sf_der_tag tag;
    size_t len;
    const char *hex;
  } rows[] = {
      {SF_DER_SEQUENCE, 0, "30 00"},
      {SF_DER_OCTET_STRING, 127, "04 7F"},
      {SF_DER_OCTET_STRING, 128, "04 81 80"},
      {SF_DER_OCTET_STRING, 256, "04 82 01 00"},
      {SF_DER_CONTEXT(31), 1, "9F 1F 01"},
      {SF_DER_CONTEXT_CONS(200), 1, "BF 81 48 01"},
      {SF_DER_CLASS_PRIVATE | 0x0FFFFFFFu, 0x1000000, "DF FF FF FF 7F 84 01 00 00 00"},
  };
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    uint8_t want[16], got[SF_DER_MAX_HEADER_LEN];
    size_t wn = unhex(rows[i].hex, want, sizeof want);
    size_t gn = sf_der_write_header(rows[i].tag, rows[i].len, got);
    CHECK_BYTES(sf_slice_make(got, gn), want, wn);
  }
}

static void test_status_names(void) {
  CHECK(strcmp(sf_der_status_name(SF_DER_TOO_DEEP), "SF_DER_TOO_DEEP") == 0);
  CHECK(strcmp(sf_der_status_name(-1), "?") == 0);
  CHECK(strcmp(sf_der_status_reason(SF_DER_STATUS_COUNT), "unknown status") == 0);
}

int main(void) {
  RUN(test_cases);
  RUN(test_warnings);
  RUN(test_depth);
  RUN(test_cursor);
  RUN(test_integers);
  RUN(test_oid_text);
  RUN(test_oid_arcs);
  RUN(test_times);
  RUN(test_text);
  RUN(test_strings);
  RUN(test_ber_to_der);
  RUN(test_write_header);
  RUN(test_status_names);
  return sf_test_finish();
}
