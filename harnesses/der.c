/* der.c: fuzz target for the DER/BER reader (sf/der.h).
 *
 * Any input is walked as a tree of elements, once as BER and once as strict
 * DER. Promises checked:
 *   - every slice lies inside the input, error offsets too, and a failure
 *     names its code once (err.code == returned code);
 *   - DER is a subset of BER: what walks as DER walks as BER, without
 *     warnings;
 *   - every OID prints in dotted form and the text encodes back to the same
 *     bytes; INTEGERs of up to 8 octets read back as the same value;
 *   - valid DER re-encodes (header rebuilt from tag and length) byte for byte;
 *   - each top-level BER element converts to DER of the size announced first,
 *     the result walks as strict DER, has the same tree (constructed strings
 *     joined, BOOLEAN TRUE as FF, padding bits cleared) and converts to
 *     itself; for DER input the conversion is the identity. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "der_check.h"
#include "sf/der.h"

static const uint8_t *g_in;
static size_t g_len;

static void check_primitive(const sf_der_elem *e) {
  if ((e->tag & SF_DER_CLASS_MASK) != SF_DER_CLASS_UNIVERSAL || (e->tag & SF_DER_CONSTRUCTED)) {
    return;
  }
  if (e->tag == SF_DER_OID) {
    sf_check_oid(e->contents, g_in, g_len, "OID");
  } else if (e->tag == SF_DER_INTEGER && e->contents.len <= 8 && !(e->contents.ptr[0] & 0x80)) {
    sf_der_state st;
    sf_der d;
    uint64_t v = 0, want = 0;
    sf_der_init(&d, &st, e->whole.ptr, e->whole.len, SF_DER_BER);
    int rc = sf_der_get_u64(&d, &v);
    SF_CHECK(rc == SF_DER_OK, "a valid small INTEGER does not read: %s", sf_der_status_name(rc));
    for (size_t i = 0; i < e->contents.len; i++) want = (want << 8) | e->contents.ptr[i];
    SF_CHECK(v == want, "INTEGER read as %llu, encoded %llu", (unsigned long long)v,
             (unsigned long long)want);
  } else if (e->tag == SF_DER_UTCTIME || e->tag == SF_DER_GENERALIZEDTIME) {
    sf_der_state st;
    sf_der d;
    sf_der_time t;
    sf_der_init(&d, &st, e->whole.ptr, e->whole.len, SF_DER_BER);
    if (sf_der_get_time(&d, &t) == SF_DER_OK) {
      SF_CHECK(t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= 31 && t.hour < 24 &&
                   t.minute < 60 && t.second < 60,
               "an accepted time has fields out of range");
      SF_CHECK_WITHIN(t.raw, g_in, g_len, "time");
    }
  }
}

/* visit checks one element of the walk. */
static void visit(const sf_der_elem *e) {
  SF_CHECK_WITHIN(e->whole, g_in, g_len, "element");
  SF_CHECK_WITHIN(e->contents, g_in, g_len, "contents");
  SF_CHECK(e->contents.ptr >= e->whole.ptr + e->header_len &&
               e->contents.ptr + e->contents.len <= e->whole.ptr + e->whole.len,
           "contents outside their element");
  check_primitive(e);
}

static int walk(sf_der *d) { return sf_walk_tree(d, visit); }

/* reencode writes the DER of what cursor |d| (valid DER) holds into |out|
 * (room for |cap| bytes plus one header). */
static void reencode(sf_der *d, uint8_t *out, size_t cap, size_t *n) {
  while (!sf_der_at_end(d)) {
    sf_der_elem e;
    sf_der_get_any(d, &e);
    *n += sf_der_write_header(e.tag, e.contents.len, out + *n);
    SF_CHECK(*n <= cap, "DER re-encoding grows past the input");
    if (e.tag & SF_DER_CONSTRUCTED) {
      sf_der inner;
      sf_der_open(d, &e, &inner);
      reencode(&inner, out, cap, n);
    } else {
      SF_CHECK(e.contents.len <= cap - *n, "DER re-encoding grows past the input");
      memcpy(out + *n, e.contents.ptr, e.contents.len);
      *n += e.contents.len;
    }
  }
}

/* joined returns the value of the string element at |d| (joined if BER
 * constructed) in a heap buffer, normalized as DER would have it. */
static uint8_t *joined(sf_der *d, sf_der_tag tag, size_t *out_len) {
  sf_der_string s;
  int rc = sf_der_get_string(d, tag & ~SF_DER_CONSTRUCTED, &s);
  SF_CHECK(rc == SF_DER_OK, "a walked string does not read: %s", sf_der_status_name(rc));
  uint8_t *buf = malloc(s.length ? s.length : 1);
  rc = sf_der_string_copy(&s, buf, s.length, out_len);
  SF_CHECK(rc == SF_DER_OK && *out_len == s.length, "string copy gives %zu of %zu octets",
           *out_len, s.length);
  if ((tag & SF_DER_NUMBER_MASK) == SF_DER_BIT_STRING && *out_len > 1) {
    buf[*out_len - 1] &= (uint8_t)(0xFF << buf[0]);
  }
  return buf;
}

/* same_tree compares BER cursor |a| with its DER conversion |b|. */
static void same_tree(sf_der *a, sf_der *b) {
  while (!sf_der_at_end(a)) {
    SF_CHECK(!sf_der_at_end(b), "the DER conversion has fewer elements");
    sf_der_elem ea, eb;
    sf_der sa = *a, sb = *b;
    SF_CHECK(sf_der_get_any(a, &ea) == SF_DER_OK && sf_der_get_any(b, &eb) == SF_DER_OK,
             "an element of a valid tree does not read");
    if (sf_is_string_tag(ea.tag)) {
      SF_CHECK((ea.tag & ~SF_DER_CONSTRUCTED) == eb.tag, "string tag %08x became %08x",
               (unsigned)ea.tag, (unsigned)eb.tag);
      size_t la = 0, lb = 0;
      uint8_t *va = joined(&sa, ea.tag, &la), *vb = joined(&sb, eb.tag, &lb);
      SF_CHECK(la == lb && memcmp(va, vb, la) == 0, "string value changed in conversion");
      free(va);
      free(vb);
      continue;
    }
    SF_CHECK(ea.tag == eb.tag, "tag %08x became %08x", (unsigned)ea.tag, (unsigned)eb.tag);
    if (ea.tag & SF_DER_CONSTRUCTED) {
      sf_der ia, ib;
      sf_der_open(&sa, &ea, &ia);
      sf_der_open(&sb, &eb, &ib);
      same_tree(&ia, &ib);
    } else if (ea.tag == SF_DER_BOOLEAN) {
      SF_CHECK((ea.contents.ptr[0] != 0) == (eb.contents.ptr[0] != 0) &&
                   (eb.contents.ptr[0] == 0 || eb.contents.ptr[0] == 0xFF),
               "BOOLEAN changed in conversion");
    } else {
      SF_CHECK(sf_slice_eq(ea.contents, eb.contents), "primitive contents changed in conversion");
    }
  }
  SF_CHECK(sf_der_at_end(b), "the DER conversion has more elements");
}

/* convert checks sf_der_ber_to_der on one top-level BER element. */
static void convert(const sf_der_elem *e, int input_is_der) {
  size_t need = 0, got = 0;
  sf_error err;
  int rc = sf_der_ber_to_der(e->whole.ptr, e->whole.len, SF_DER_BER, NULL, 0, &need, &err);
  SF_CHECK(rc == SF_DER_BUFFER_TOO_SMALL && err.code == rc,
           "sizing a valid element failed: %s", sf_der_status_name(rc));
  uint8_t *out = malloc(need);
  rc = sf_der_ber_to_der(e->whole.ptr, e->whole.len, SF_DER_BER, out, need, &got, &err);
  SF_CHECK(rc == SF_DER_OK && got == need, "conversion failed (%s) or wrote %zu of %zu",
           sf_der_status_name(rc), got, need);
  if (input_is_der) {
    SF_CHECK(got == e->whole.len && memcmp(out, e->whole.ptr, got) == 0,
             "BER to DER changed DER input");
  }
  /* The output is DER with the same tree. */
  sf_der_state st, st2;
  sf_der d, a;
  const uint8_t *saved_in = g_in;
  size_t saved_len = g_len;
  g_in = out; /* slices now point into the conversion */
  g_len = got;
  sf_der_init(&d, &st, out, got, 0);
  rc = walk(&d);
  SF_CHECK(rc == SF_DER_OK, "BER to DER output is not DER: %s at %zu", sf_der_status_name(rc),
           st.err.offset);
  g_in = saved_in;
  g_len = saved_len;
  sf_der_init(&d, &st, out, got, 0);
  sf_der_init(&a, &st2, e->whole.ptr, e->whole.len, SF_DER_BER);
  same_tree(&a, &d);
  /* DER converts to itself. */
  uint8_t *again = malloc(need);
  size_t again_len = 0;
  rc = sf_der_ber_to_der(out, got, 0, again, need, &again_len, &err);
  SF_CHECK(rc == SF_DER_OK && again_len == got && memcmp(again, out, got) == 0,
           "BER to DER is not idempotent");
  free(again);
  free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sf_der_state ber_st, der_st;
  sf_der ber, der;
  g_in = data;
  g_len = size;

  sf_der_init(&ber, &ber_st, data, size, SF_DER_BER);
  int ber_rc = walk(&ber);
  SF_CHECK(ber_st.err.code == ber_rc && ber_st.err.offset <= size,
           "BER error code %d / recorded %d at %zu of %zu", ber_rc, ber_st.err.code,
           ber_st.err.offset, size);
  SF_CHECK(ber_st.err.reason == sf_der_status_reason(ber_rc), "BER reason not from the table");

  sf_der_init(&der, &der_st, data, size, 0);
  int der_rc = walk(&der);
  SF_CHECK(der_st.err.code == der_rc && der_st.err.offset <= size, "DER error code mismatch");
  SF_CHECK(der_st.warnings == 0, "strict DER reported BER warnings %x", der_st.warnings);
  if (der_rc == SF_DER_OK) {
    SF_CHECK(ber_rc == SF_DER_OK, "valid DER rejected as BER: %s", sf_der_status_name(ber_rc));
    SF_CHECK(ber_st.warnings == 0, "valid DER used BER leniencies %x", ber_st.warnings);
    uint8_t *out = malloc(size + SF_DER_MAX_HEADER_LEN);
    size_t n = 0;
    sf_der_init(&der, &der_st, data, size, 0);
    reencode(&der, out, size, &n);
    SF_CHECK(n == size && memcmp(out, data, size) == 0, "DER re-encoding differs from input");
    free(out);
  }
  if (ber_rc == SF_DER_OK) {
    sf_der_init(&ber, &ber_st, data, size, SF_DER_BER);
    while (!sf_der_at_end(&ber)) {
      sf_der_elem e;
      sf_der_get_any(&ber, &e);
      convert(&e, der_rc == SF_DER_OK);
    }
  }
  return 0;
}
