/* date.c: the Date header field (RFC 3261 20.17, 25.1; RFC 2616 3.3.1):
 *
 *   SIP-date = rfc1123-date
 *   rfc1123-date = wkday "," SP date1 SP time SP "GMT"
 *   date1 = 2DIGIT SP month SP 4DIGIT     ; day month year
 *   time  = 2DIGIT ":" 2DIGIT ":" 2DIGIT  ; 00:00:00 - 23:59:59
 *
 * Only this one form, in GMT (RFC 4475 3.1.2.12 baddate sends "EST").
 * Names are matched case-insensitively like every ABNF literal. A second of
 * 60 is accepted: leap seconds are real (RFC 3339 5.7). */
#include "sip_internal.h"

static const char *const wkdays[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* get_name matches one of |n| three-letter names; returns its index or -1. */
static int get_name(sf_text *t, const char *const *names, int n) {
  for (int i = 0; i < n; i++) {
    if (sf_text_starts_with_nocase(t, names[i])) {
      t->pos += 3;
      return i;
    }
  }
  return -1;
}

/* get_fixed reads exactly |digits| digits with a value at most |max|. */
static int get_fixed(sf_text *t, size_t digits, uint64_t max, int *out) {
  size_t start = t->pos;
  uint64_t v = 0;
  size_t n = 0;
  if (sf_decimal_get(t, max, &v, &n) != SF_DECIMAL_OK || n != digits) {
    t->pos = start;
    return 0;
  }
  *out = (int)v;
  return 1;
}

static int days_in_month(int year, int month) {
  static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

int sf_sip_parse_date(const uint8_t *base, sf_slice value, sf_sip_date *out, sf_error *err) {
  sf_text t = sip_text_of(base, value);
  sip_trim_end(&t);
  sf_lex_skip_lws(&t);
  size_t at = t.pos, day_at = 0;
  int month = 0;
  if ((out->weekday = get_name(&t, wkdays, 7)) < 0) goto bad;
  if (!sf_text_expect(&t, ',') || !sf_text_expect(&t, ' ')) goto bad;
  at = day_at = t.pos;
  if (!get_fixed(&t, 2, 31, &out->day) || out->day == 0) goto bad;
  if (!sf_text_expect(&t, ' ')) goto bad;
  at = t.pos;
  if ((month = get_name(&t, months, 12)) < 0) goto bad;
  out->month = month + 1;
  if (!sf_text_expect(&t, ' ')) goto bad;
  at = t.pos;
  if (!get_fixed(&t, 4, 9999, &out->year)) goto bad;
  if (out->day > days_in_month(out->year, out->month)) {
    at = day_at; /* the day does not exist in that month */
    goto bad_at;
  }
  if (!sf_text_expect(&t, ' ')) goto bad;
  at = t.pos;
  if (!get_fixed(&t, 2, 23, &out->hour) || !sf_text_expect(&t, ':')) goto bad;
  at = t.pos;
  if (!get_fixed(&t, 2, 59, &out->minute) || !sf_text_expect(&t, ':')) goto bad;
  at = t.pos;
  if (!get_fixed(&t, 2, 60, &out->second) || !sf_text_expect(&t, ' ')) goto bad;
  at = t.pos;
  if (!sf_text_starts_with_nocase(&t, "GMT") || sf_text_left(&t) != 3) goto bad;
  return sip_ok(err);
bad:
  /* Report the field that did not parse, or the byte that should have
   * been a separator. */
  if (t.pos > at) at = t.pos;
bad_at:
  return sip_fail(err, at, SF_SIP_BAD_DATE);
}
