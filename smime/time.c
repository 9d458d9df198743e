/* time.c: verification times. RFC 3339 text and seconds since the epoch
 * in, RFC 3339 out, and ASN1_TIME (RFC 5280 4.1.2.5) to seconds, all in
 * 64 bits and without the C library's time zone (timegm is not portable,
 * mktime reads TZ). */
#include <string.h>

#include "smime_internal.h"

int64_t sf_smime_days_from_civil(int64_t y, unsigned m, unsigned d) {
  /* The proleptic Gregorian calendar shifted to start in March, so the
   * leap day ends a year (H. Hinnant's days_from_civil). */
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (int64_t)(m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* digits reads exactly |n| decimal digits at |*p| into |*out|. */
static int digits(const char **p, int n, int *out) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    char c = (*p)[i];
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  *p += n;
  *out = v;
  return 1;
}

static int expect(const char **p, char c) {
  if (**p != c) return 0;
  (*p)++;
  return 1;
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* parse_epoch reads 1 to 18 digits as seconds since the epoch. */
static int parse_epoch(const char *p, int64_t *out) {
  size_t n = strlen(p);
  if (n == 0 || n > 18) return -1;
  int64_t v = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9') return -1;
    v = v * 10 + (p[i] - '0');
  }
  *out = v;
  return 0;
}

int sf_smime_parse_time(const char *text, int64_t *out) {
  const char *p = text;
  int y, mo, d, h, mi, s;
  if (!(digits(&p, 4, &y) && expect(&p, '-'))) return parse_epoch(text, out);
  /* RFC 3339 5.6: date-time = full-date "T" full-time; "t" and, as its
   * note allows, a space also separate them. */
  if (!(digits(&p, 2, &mo) && expect(&p, '-') && digits(&p, 2, &d))) return -1;
  if (!(expect(&p, 'T') || expect(&p, 't') || expect(&p, ' '))) return -1;
  if (!(digits(&p, 2, &h) && expect(&p, ':') && digits(&p, 2, &mi) && expect(&p, ':') &&
        digits(&p, 2, &s))) {
    return -1;
  }
  if (*p == '.') {
    p++;
    if (*p < '0' || *p > '9') return -1;
    while (*p >= '0' && *p <= '9') p++;
  }
  int64_t offset = 0;
  if (expect(&p, 'Z') || expect(&p, 'z')) {
    offset = 0;
  } else if (*p == '+' || *p == '-') {
    int sign = *p == '-' ? -1 : 1, oh, om;
    p++;
    if (!(digits(&p, 2, &oh) && expect(&p, ':') && digits(&p, 2, &om)) || oh > 23 || om > 59) {
      return -1;
    }
    offset = sign * (int64_t)(oh * 3600 + om * 60);
  } else {
    return -1;
  }
  if (*p != '\0') return -1;
  /* A leap second (60) is accepted as RFC 3339 allows and counts as the
   * next second, as POSIX time does. */
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 60) {
    return -1;
  }
  *out = sf_smime_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + h * 3600 + mi * 60 + s -
         offset;
  return 0;
}

void sf_smime_format_time(int64_t t, char out[SF_SMIME_TIME_LEN]) {
  static const int64_t lo = -62167219200; /* 0000-01-01T00:00:00Z */
  static const int64_t hi = 253402300799; /* 9999-12-31T23:59:59Z */
  if (t < lo) t = lo;
  if (t > hi) t = hi;
  int64_t days = (t - lo) / 86400, secs = (t - lo) % 86400;
  /* Walk from year 0 by 400-year eras, then years, then months. */
  int64_t y = days / 146097 * 400;
  days %= 146097;
  for (;;) {
    int64_t len = is_leap((int)y) ? 366 : 365;
    if (days < len) break;
    days -= len;
    y++;
  }
  int m = 1;
  while (days >= days_in_month((int)y, m)) days -= days_in_month((int)y, m++);
  int fields[6] = {(int)y, m, (int)days + 1, (int)(secs / 3600), (int)(secs / 60 % 60),
                   (int)(secs % 60)};
  static const int widths[6] = {4, 2, 2, 2, 2, 2};
  static const char seps[6] = {'-', '-', 'T', ':', ':', 'Z'};
  size_t k = 0;
  for (int f = 0; f < 6; f++) {
    for (int w = widths[f] - 1, v = fields[f]; w >= 0; w--, v /= 10) out[k + (size_t)w] = (char)('0' + v % 10);
    k += (size_t)widths[f];
    out[k++] = seps[f];
  }
  out[k] = '\0';
}

int sf_smimei_asn1_time(const ASN1_TIME *t, int64_t *out) {
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  if (t == NULL || ASN1_TIME_to_tm(t, &tm) != 1) return -1;
  *out = sf_smime_days_from_civil((int64_t)tm.tm_year + 1900, (unsigned)tm.tm_mon + 1,
                                  (unsigned)tm.tm_mday) * 86400 +
         tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
  return 0;
}
