/* message.c: framing of one SIP message, its start line and its header
 * lines (RFC 3261 7, 7.3.1, 7.5, 18.3, 25.1).
 *
 *   SIP-message  = start-line *message-header CRLF [ message-body ]
 *   Request-Line = Method SP Request-URI SP SIP-Version CRLF
 *   Status-Line  = SIP-Version SP Status-Code SP Reason-Phrase CRLF
 *   message-header = header-name HCOLON header-value CRLF
 *   HCOLON = *( SP / HTAB ) ":" SWS
 *
 * A header field runs on over continuation lines (CRLF followed by SP or
 * HT). A field is only handled once the byte after its last line break is
 * known, so that a stream cut anywhere is "incomplete", never "invalid" (the
 * same field might go on in the next segment). Every field is parsed as it
 * ends, so the first fault in byte order is the one reported. */
#include "sip_internal.h"

/* Outcome of get_line besides a status code. */
enum { LINE_OK = 0, LINE_NEED_MORE = -1 };

typedef struct {
  size_t start; /* first byte */
  size_t end;   /* the CR or LF that ends it */
  size_t next;  /* first byte of the next line */
} line;

/* get_line finds the line that starts at |pos|. Returns LINE_OK,
 * LINE_NEED_MORE, or SF_SIP_BAD_LINE_END (|*bad| is where). */
static int get_line(const uint8_t *d, size_t len, size_t pos, unsigned flags, unsigned *warnings,
                    line *l, size_t *bad) {
  size_t i = pos;
  while (i < len && d[i] != '\r' && d[i] != '\n') i++;
  if (i == len) return LINE_NEED_MORE;
  l->start = pos;
  l->end = i;
  if (d[i] == '\r') {
    if (i + 1 == len) return LINE_NEED_MORE;
    if (d[i + 1] != '\n') {
      *bad = i;
      return SF_SIP_BAD_LINE_END;
    }
    l->next = i + 2;
    return LINE_OK;
  }
  /* A bare LF: RFC 3261 7 requires CRLF; SF_SIP_ALLOW_LF tolerates it. */
  if (!(flags & SF_SIP_ALLOW_LF)) {
    *bad = i;
    return SF_SIP_BAD_LINE_END;
  }
  *warnings |= SF_SIP_W(LF_LINE_ENDS);
  l->next = i + 1;
  return LINE_OK;
}

/* ---- start line ---------------------------------------------------------- */

/* check_version checks SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT (the
 * literal is case-insensitive, RFC 3261 7.1) and that it is 2.0. */
static int check_version(const uint8_t *d, size_t start, size_t end, sf_error *err) {
  sf_text t = {d, start, end};
  uint64_t major = 0, minor = 0;
  if (!sf_text_starts_with_nocase(&t, "SIP/")) return sip_fail(err, start, SF_SIP_BAD_VERSION);
  t.pos += 4;
  if (sf_decimal_get(&t, 1000, &major, NULL) == SF_DECIMAL_NONE || !sf_text_expect(&t, '.') ||
      sf_decimal_get(&t, 1000, &minor, NULL) == SF_DECIMAL_NONE || !sf_text_at_end(&t)) {
    return sip_fail(err, start, SF_SIP_BAD_VERSION);
  }
  if (major != 2 || minor != 0) return sip_fail(err, start, SF_SIP_UNSUPPORTED_VERSION);
  return SF_SIP_OK;
}

/* skip_sp moves over one SP, or more with SF_SIP_ALLOW_EXTRA_SP (RFC 4475
 * 3.1.2.9 lwsstart). Returns 0 if there was no SP at all. */
static int skip_sp(const uint8_t *d, size_t *pos, size_t end, unsigned flags, unsigned *warnings,
                   sf_error *err, int *rc) {
  *rc = SF_SIP_OK;
  if (*pos >= end || d[*pos] != ' ') return 0;
  (*pos)++;
  if (*pos < end && d[*pos] == ' ') {
    if (!(flags & SF_SIP_ALLOW_EXTRA_SP)) {
      *rc = sip_fail(err, *pos, SF_SIP_EXTRA_WHITESPACE);
      return 1;
    }
    *warnings |= SF_SIP_W(EXTRA_SP);
    while (*pos < end && d[*pos] == ' ') (*pos)++;
  }
  return 1;
}

static int parse_status_line(const uint8_t *d, const line *l, unsigned flags, sf_sip_msg *m,
                             sf_error *err) {
  size_t p = l->start, end = l->end;
  while (p < end && d[p] != ' ') p++;
  int rc = check_version(d, l->start, p, err);
  if (rc != SF_SIP_OK) return rc;
  m->version = sf_slice_make(d + l->start, p - l->start);
  if (!skip_sp(d, &p, end, flags, &m->warnings, err, &rc)) {
    return sip_fail(err, p, SF_SIP_BAD_START_LINE);
  }
  if (rc != SF_SIP_OK) return rc;
  /* Status-Code = 3DIGIT; more digits are "overlarge" (RFC 4475 3.1.2.19). */
  sf_text t = {d, p, end};
  uint64_t code = 0;
  size_t digits = 0;
  int dec = sf_decimal_get(&t, 999, &code, &digits);
  if (dec == SF_DECIMAL_NONE || digits < 3) return sip_fail(err, p, SF_SIP_BAD_STATUS_CODE);
  if (digits > 3) {
    if (d[p] == '0') return sip_fail(err, p, SF_SIP_BAD_STATUS_CODE);
    return sip_fail(err, p, SF_SIP_STATUS_CODE_RANGE);
  }
  if (code < 100 || code > 699) return sip_fail(err, p, SF_SIP_STATUS_CODE_RANGE);
  m->status_code = (unsigned)code;
  p = t.pos;
  /* The SP before the reason is required, even when the reason is empty
   * (RFC 4475 3.1.1.13 noreason). */
  if (p >= end || d[p] != ' ') {
    return sip_fail(err, p, p < end && d[p] >= '0' && d[p] <= '9' ? SF_SIP_BAD_STATUS_CODE
                                                                   : SF_SIP_BAD_START_LINE);
  }
  p++;
  /* Reason-Phrase = *(reserved / unreserved / escaped / UTF8-NONASCII /
   * UTF8-CONT / SP / HTAB): no control byte but HT, and non-ASCII text only
   * as well-formed UTF-8 (RFC 4475 3.1.1.12 unreason), or Latin-1 and the
   * like with SF_SIP_ALLOW_NON_UTF8; whichever fault comes first. The ASCII
   * the grammar leaves out (such as '"', '<', '\\' or a '%' without hex
   * digits) is accepted: no reader splits or decodes a reason phrase by it. */
  sf_error e = {SF_SIP_OK, 0, NULL};
  rc = SF_SIP_OK;
  for (size_t i = p; i < end && rc == SF_SIP_OK; i++) {
    if ((d[i] < 0x20 && d[i] != '\t') || d[i] == 0x7f) rc = sip_fail(&e, i, SF_SIP_BAD_REASON_PHRASE);
  }
  m->reason = sf_slice_make(d + p, end - p);
  return sf_sipi_utf8_verdict(d, m->reason, rc, &e, flags, &m->warnings, err);
}

static int parse_request_line(const uint8_t *d, const line *l, unsigned flags, sf_sip_msg *m,
                              sf_error *err) {
  size_t p = l->start, end = l->end;
  /* Method = token */
  while (p < end && sf_char_is(d[p], SF_C_TOKEN)) p++;
  if (p == l->start || (p < end && d[p] != ' ')) return sip_fail(err, p, SF_SIP_BAD_METHOD);
  m->method = sf_slice_make(d + l->start, p - l->start);
  int rc = SF_SIP_OK;
  if (!skip_sp(d, &p, end, flags, &m->warnings, err, &rc)) {
    return sip_fail(err, p, SF_SIP_BAD_START_LINE);
  }
  if (rc != SF_SIP_OK) return rc;

  /* The version is the last SP-separated element; what lies between is the
   * Request-URI. Trailing SP (RFC 4475 3.1.2.10 trws) is extra white space. */
  size_t vend = end;
  while (vend > p && d[vend - 1] == ' ') vend--;
  size_t vstart = vend;
  while (vstart > p && d[vstart - 1] != ' ') vstart--;
  size_t uend = vstart;
  while (uend > p && d[uend - 1] == ' ') uend--;
  if (uend == p) {
    /* Only one element after the method: it is taken for the URI, so the
     * version is missing. (|p| is not on a SP here, so the URI could only
     * be empty if vstart == p: an empty Request-URI arises only from "<>",
     * below.) */
    return sip_fail(err, vend, SF_SIP_BAD_VERSION);
  }

  /* Faults are reported in byte order: URI, SP before the version, version,
   * trailing SP. */
  size_t ustart = p, sp = uend;
  for (size_t i = ustart; i < uend; i++) {
    if (d[i] == ' ' || d[i] == '\t') return sip_fail(err, i, SF_SIP_REQUEST_URI_WHITESPACE);
  }
  if (d[ustart] == '<') {
    if (!(flags & SF_SIP_ALLOW_ANGLE_RURI) || uend - ustart < 2 || d[uend - 1] != '>') {
      return sip_fail(err, ustart, SF_SIP_ANGLE_REQUEST_URI);
    }
    m->warnings |= SF_SIP_W(ANGLE_RURI);
    ustart++;
    uend--;
  }
  m->request_uri = sf_slice_make(d + ustart, uend - ustart);
  /* "<>": nothing left once the brackets are stripped (at the '>'). */
  if (m->request_uri.len == 0) return sip_fail(err, ustart, SF_SIP_BAD_REQUEST_URI);
  rc = sf_sip_parse_uri(d, m->request_uri, SF_SIP_URI_REQUEST, &m->uri, err);
  if (rc != SF_SIP_OK) return rc;

  if (vstart - sp > 1) {
    if (!(flags & SF_SIP_ALLOW_EXTRA_SP)) return sip_fail(err, sp + 1, SF_SIP_EXTRA_WHITESPACE);
    m->warnings |= SF_SIP_W(EXTRA_SP);
  }
  rc = check_version(d, vstart, vend, err);
  if (rc != SF_SIP_OK) return rc;
  m->version = sf_slice_make(d + vstart, vend - vstart);
  if (vend < end) {
    if (!(flags & SF_SIP_ALLOW_EXTRA_SP)) return sip_fail(err, vend, SF_SIP_EXTRA_WHITESPACE);
    m->warnings |= SF_SIP_W(EXTRA_SP);
  }
  return SF_SIP_OK;
}

/* ---- header lines -------------------------------------------------------- */

/* split_field finds name and value of the field [start, end) (end is the
 * line break after its last line). */
static int split_field(const uint8_t *d, size_t start, size_t end, sf_sip_header *h,
                       sf_error *err) {
  size_t p = start;
  while (p < end && sf_char_is(d[p], SF_C_TOKEN)) p++;
  if (p == start) return sip_fail(err, p, SF_SIP_BAD_HEADER_NAME);
  h->name = sf_slice_make(d + start, p - start);
  size_t after_name = p;
  while (p < end && (d[p] == ' ' || d[p] == '\t')) p++;
  if (p == end || d[p] != ':') {
    /* A separator or control byte right after the name makes the name bad;
     * a name followed by white space and then no colon lacks its colon. */
    int code = (p == after_name && p < end && d[p] != '\r' && d[p] != '\n')
                   ? SF_SIP_BAD_HEADER_NAME
                   : SF_SIP_MISSING_COLON;
    return sip_fail(err, p, code);
  }
  sf_text t = {d, p + 1, end};
  sf_lex_skip_lws(&t);
  sip_trim_end(&t);
  h->value = sf_slice_make(d + t.pos, t.end - t.pos);
  h->id = sf_sip_header_id_of(h->name);
  return SF_SIP_OK;
}

/* set_content_length records the framing value; equal duplicates are left
 * to sf_sip_validate, differing ones make the framing ambiguous (RFC 4475
 * 3.3.9 mcl01). */
static int set_content_length(const uint8_t *d, const sf_sip_header *h, sf_sip_msg *m,
                              size_t *cl_at, sf_error *err) {
  uint32_t v = 0;
  int rc = sf_sip_parse_content_length(d, h->value, &v, err);
  if (rc != SF_SIP_OK) return rc;
  if (m->has_content_length) {
    if (v != m->content_length) {
      return sip_fail(err, (size_t)(h->value.ptr - d), SF_SIP_CONFLICTING_CONTENT_LENGTH);
    }
    return SF_SIP_OK;
  }
  m->has_content_length = 1;
  m->content_length = v;
  *cl_at = (size_t)(h->value.ptr - d);
  return SF_SIP_OK;
}

static void msg_reset(const uint8_t *data, sf_sip_msg *m) {
  sf_slice none = {NULL, 0};
  m->base = data;
  m->start_offset = 0;
  m->is_request = 0;
  m->method = m->request_uri = m->reason = m->version = m->body = m->trailing = none;
  m->status_code = 0;
  m->header_count = 0;
  m->body_offset = 0;
  m->has_content_length = 0;
  m->content_length = 0;
  m->message_len = 0;
  m->warnings = 0;
  sf_sipi_uri_reset(&m->uri);
}

/* need_more is the one place where "the input ended too soon" becomes a
 * status: incomplete on a stream, |datagram_code| on a datagram. */
static int need_more(unsigned flags, size_t len, int datagram_code, size_t at, sf_error *err) {
  if (flags & SF_SIP_STREAM) return sip_fail(err, len, SF_SIP_INCOMPLETE);
  return sip_fail(err, at, datagram_code);
}

int sf_sip_parse(const uint8_t *data, size_t len, unsigned flags, sf_sip_msg *out,
                 sf_error *err) {
  sf_sip_msg *m = out;
  msg_reset(data, m);
  size_t pos = 0, bad = 0;

  /* RFC 3261 7.5: CRLFs before the start line are ignored (keep-alives). */
  for (;;) {
    if (pos + 1 < len && data[pos] == '\r' && data[pos + 1] == '\n') {
      pos += 2;
    } else if (pos < len && data[pos] == '\n' && (flags & SF_SIP_ALLOW_LF)) {
      pos += 1;
      m->warnings |= SF_SIP_W(LF_LINE_ENDS);
    } else {
      break;
    }
    m->warnings |= SF_SIP_W(LEADING_CRLF);
  }
  if (pos == len) return need_more(flags, len, SF_SIP_EMPTY, pos, err);
  m->start_offset = pos;

  line l;
  int rc = get_line(data, len, pos, flags, &m->warnings, &l, &bad);
  if (rc == LINE_NEED_MORE) return need_more(flags, len, SF_SIP_TRUNCATED, len, err);
  if (rc != LINE_OK) return sip_fail(err, bad, rc);
  /* A start line cannot be folded; that is checked with the first field. */
  if (sf_text_starts_with_nocase(&(sf_text){data, l.start, l.end}, "SIP/")) {
    rc = parse_status_line(data, &l, flags, m, err);
  } else {
    m->is_request = 1;
    rc = parse_request_line(data, &l, flags, m, err);
  }
  if (rc != SF_SIP_OK) return rc;
  pos = l.next;

  size_t cl_at = 0;
  for (;;) {
    rc = get_line(data, len, pos, flags, &m->warnings, &l, &bad);
    if (rc == LINE_NEED_MORE) return need_more(flags, len, SF_SIP_TRUNCATED, len, err);
    if (rc != LINE_OK) return sip_fail(err, bad, rc);
    if (l.end == l.start) break; /* the empty line */
    if (data[l.start] == ' ' || data[l.start] == '\t') {
      /* Fields absorb their continuation lines below, so this one follows
       * the start line. */
      return sip_fail(err, l.start, SF_SIP_FOLD_WITHOUT_HEADER);
    }
    /* Gather continuation lines: the field is complete once the byte after
     * a line break is known and is not SP/HT. */
    size_t field_start = l.start, field_end = l.end;
    int folded = 0;
    for (;;) {
      if (l.next == len) return need_more(flags, len, SF_SIP_TRUNCATED, len, err);
      if (data[l.next] != ' ' && data[l.next] != '\t') break;
      rc = get_line(data, len, l.next, flags, &m->warnings, &l, &bad);
      if (rc == LINE_NEED_MORE) return need_more(flags, len, SF_SIP_TRUNCATED, len, err);
      if (rc != LINE_OK) return sip_fail(err, bad, rc);
      field_end = l.end;
      folded = 1;
    }
    pos = l.next;
    if (m->header_count == SF_SIP_MAX_HEADERS) {
      return sip_fail(err, field_start, SF_SIP_TOO_MANY_HEADERS);
    }
    sf_sip_header *h = &m->headers[m->header_count];
    rc = split_field(data, field_start, field_end, h, err);
    if (rc != SF_SIP_OK) return rc;
    h->folded = folded;
    if (folded) m->warnings |= SF_SIP_W(FOLDING);
    if (h->id == SF_SIP_H_CONTENT_LENGTH) {
      rc = set_content_length(data, h, m, &cl_at, err);
    } else {
      rc = sf_sipi_check_header(data, h, flags, &m->warnings, err);
    }
    if (rc != SF_SIP_OK) return rc;
    m->header_count++;
  }

  /* Body framing (RFC 3261 18.3, 20.14). */
  m->body_offset = l.next;
  size_t avail = len - m->body_offset;
  size_t body_len = avail;
  if (m->has_content_length) {
    if (m->content_length > avail) {
      return need_more(flags, len, SF_SIP_CONTENT_LENGTH_EXCEEDS_BODY, cl_at, err);
    }
    body_len = m->content_length;
  } else if (flags & SF_SIP_STREAM) {
    return sip_fail(err, m->body_offset, SF_SIP_MISSING_CONTENT_LENGTH);
  } else {
    m->warnings |= SF_SIP_W(NO_CONTENT_LENGTH);
  }
  m->body = sf_slice_make(data + m->body_offset, body_len);
  m->message_len = m->body_offset + body_len - m->start_offset;
  m->trailing = sf_slice_make(data + m->body_offset + body_len, avail - body_len);
  if (m->trailing.len && !(flags & SF_SIP_STREAM)) m->warnings |= SF_SIP_W(TRAILING_BYTES);
  return sip_ok(err);
}

const sf_sip_header *sf_sip_find(const sf_sip_msg *m, int id, size_t from, size_t *index) {
  for (size_t i = from; i < m->header_count; i++) {
    if (m->headers[i].id == id) {
      if (index != NULL) *index = i;
      return &m->headers[i];
    }
  }
  return NULL;
}
