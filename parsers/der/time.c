/* time.c: UTCTime and GeneralizedTime in their DER forms (X.690 11.7, 11.8;
 * RFC 5280 4.1.2.5). DER requires seconds and "Z"; a GeneralizedTime may
 * carry fractional seconds without trailing zeros. BER's other forms (no
 * seconds, local offsets) are not accepted: CMS signingTime and certificate
 * validity are DER in every sender we know. */
#include "der_internal.h"

/* digits reads |n| decimal digits at s[*i] (a bounded reader: n <= 4). */
static int digits(sf_slice s, size_t *i, size_t n, int *out) {
  if (s.len - *i < n) return 0;
  int v = 0;
  for (size_t k = 0; k < n; k++) {
    uint8_t c = s.ptr[*i + k];
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  *i += n;
  *out = v;
  return 1;
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int parse_time(sf_slice c, int generalized, sf_der_time *t) {
  size_t i = 0;
  t->generalized = generalized;
  t->fraction = sf_slice_make(NULL, 0);
  t->raw = c;
  if (generalized) {
    if (!digits(c, &i, 4, &t->year)) return 0;
  } else {
    int yy = 0;
    if (!digits(c, &i, 2, &yy)) return 0;
    t->year = yy < 50 ? 2000 + yy : 1900 + yy; /* RFC 5280 4.1.2.5.1 */
  }
  if (!digits(c, &i, 2, &t->month) || !digits(c, &i, 2, &t->day) ||
      !digits(c, &i, 2, &t->hour) || !digits(c, &i, 2, &t->minute) ||
      !digits(c, &i, 2, &t->second)) {
    return 0;
  }
  if (generalized && i < c.len && c.ptr[i] == '.') {
    size_t start = ++i;
    while (i < c.len && c.ptr[i] >= '0' && c.ptr[i] <= '9') i++;
    /* X.690 11.7.3/11.7.4: at least one digit, no trailing zero. */
    if (i == start || c.ptr[i - 1] == '0') return 0;
    t->fraction = sf_slice_make(c.ptr + start, i - start);
  }
  if (i + 1 != c.len || c.ptr[i] != 'Z') return 0;
  if (t->month < 1 || t->month > 12 || t->day < 1 || t->day > days_in_month(t->year, t->month) ||
      t->hour > 23 || t->minute > 59 || t->second > 59) {
    return 0;
  }
  return 1;
}

int sf_der_get_time(sf_der *d, sf_der_time *out) {
  sf_der_tag tag = 0;
  if (sf_der_at_end(d)) return sf_der_fail(d->st, SF_DER_MISSING_ELEMENT, d->pos);
  if (!sf_der_peek_tag(d, &tag) || (tag != SF_DER_UTCTIME && tag != SF_DER_GENERALIZEDTIME)) {
    tag = SF_DER_UTCTIME; /* let get_elem name what is wrong */
  }
  size_t start = d->pos;
  sf_der_elem e;
  int rc = sf_der_get_elem(d, tag, &e);
  if (rc != SF_DER_OK) return rc;
  if (!parse_time(e.contents, tag == SF_DER_GENERALIZEDTIME, out)) {
    d->pos = start;
    return sf_der_fail(d->st, SF_DER_BAD_TIME, (size_t)(e.contents.ptr - d->st->base));
  }
  return SF_DER_OK;
}

int64_t sf_der_time_to_unix(const sf_der_time *t) {
  /* Days from civil (proleptic Gregorian), after H. Hinnant's algorithm. */
  int64_t y = t->year - (t->month <= 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (t->month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + t->day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  int64_t days = era * 146097 + doe - 719468;
  return days * 86400 + t->hour * 3600 + t->minute * 60 + t->second;
}
