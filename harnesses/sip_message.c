/* sip_message.c: fuzz target for sf_sip_parse, the whole-message parser.
 *
 * Each input is parsed as a datagram and as stream bytes, strict and with
 * every leniency, and the harness asserts what the parser promises:
 *   - every slice it returns lies in the input; header count <= its limit;
 *   - framing: the body starts after the empty line, holds Content-Length
 *     bytes (or, in a datagram without one, the rest), and body, trailing
 *     bytes and message length add up;
 *   - the two framings agree: a stream parse is "incomplete" exactly when
 *     the datagram parse ran out of bytes, and any other verdict (code and
 *     offset) is the same;
 *   - each known header value, run through the public structured parser on
 *     its own (list fields split first), is accepted, as the message was;
 *   - the canonical print parses back to the same structure (method or
 *     status, URI parts, header names and unfolded values, body), and
 *     printing that again gives the same bytes;
 *   - SF_SIP_W_NON_UTF8 is reported exactly when the same parse without
 *     SF_SIP_ALLOW_NON_UTF8 fails with SF_SIP_BAD_UTF8, and the flag changes
 *     no other verdict. */
#include <stdlib.h>

#include "sip_check.h"

#define LENIENT \
  (SF_SIP_INTEROP | SF_SIP_ALLOW_EXTRA_SP | SF_SIP_ALLOW_ANGLE_RURI)

static void check_msg_within(const sf_sip_msg *m, const uint8_t *data, size_t len) {
  SF_CHECK(m->base == data, "msg.base is not the input");
  SF_CHECK(m->header_count <= SF_SIP_MAX_HEADERS, "%zu headers", m->header_count);
  SF_CHECK_WITHIN(m->method, data, len, "method");
  SF_CHECK_WITHIN(m->request_uri, data, len, "Request-URI");
  SF_CHECK_WITHIN(m->reason, data, len, "reason phrase");
  SF_CHECK_WITHIN(m->version, data, len, "version");
  SF_CHECK_WITHIN(m->body, data, len, "body");
  SF_CHECK_WITHIN(m->trailing, data, len, "trailing bytes");
  if (m->is_request) {
    sf_check_uri_within(&m->uri, data, len);
  } else {
    SF_CHECK(m->status_code >= 100 && m->status_code <= 699, "status %u", m->status_code);
  }
  for (size_t i = 0; i < m->header_count; i++) {
    const sf_sip_header *h = &m->headers[i];
    SF_CHECK_WITHIN(h->name, data, len, "header name");
    SF_CHECK_WITHIN(h->value, data, len, "header value");
    SF_CHECK(h->name.len > 0 && h->value.ptr != NULL, "header %zu without name or value", i);
    SF_CHECK(h->id == sf_sip_header_id_of(h->name), "header %zu: id does not match its name", i);
    SF_CHECK(h->value.ptr > h->name.ptr, "header %zu: value before name", i);
  }
}

static void check_framing(const sf_sip_msg *m, const uint8_t *data, size_t len,
                          unsigned flags) {
  int stream = (flags & SF_SIP_STREAM) != 0;
  SF_CHECK(m->body_offset >= m->start_offset + 2 && m->body_offset <= len,
           "body offset %zu outside the message", m->body_offset);
  SF_CHECK(data[m->body_offset - 1] == '\n', "the body does not follow a line end");
  SF_CHECK(m->body.ptr == data + m->body_offset, "the body does not start at body_offset");
  if (m->has_content_length) {
    SF_CHECK(m->body.len == m->content_length, "body of %zu bytes, Content-Length %u",
             m->body.len, m->content_length);
  } else {
    SF_CHECK(!stream, "a stream message accepted without Content-Length");
    SF_CHECK(m->body.len == len - m->body_offset, "datagram body is not the rest");
    SF_CHECK(m->warnings & SF_SIP_W(NO_CONTENT_LENGTH), "no NO_CONTENT_LENGTH warning");
  }
  size_t end = m->body_offset + m->body.len;
  SF_CHECK(m->start_offset + m->message_len == end, "message_len does not end at the body end");
  SF_CHECK(m->trailing.ptr == data + end && m->trailing.len == len - end,
           "trailing bytes are not what follows the body");
  SF_CHECK(!!(m->warnings & SF_SIP_W(TRAILING_BYTES)) == (!stream && m->trailing.len > 0),
           "TRAILING_BYTES warning does not match the trailing bytes");
}

/* check_header_alone runs the public parser of a known header on its value,
 * as a caller would, and requires it to agree with the message's verdict. */
static void check_header_alone(const sf_sip_msg *m, const sf_sip_header *h, unsigned flags) {
  const uint8_t *b = m->base;
  sf_error e;
  int rc = SF_SIP_OK;
  static sf_sip_addr addr;
  static sf_sip_via via;
  if (sf_sip_header_is_list(h->id)) {
    sf_slice elems[SF_SIP_MAX_VALUES];
    size_t n = 0;
    rc = sf_sip_split(b, h->value, elems, SF_SIP_MAX_VALUES, &n, &e);
    SF_CHECK(rc == SF_SIP_OK, "sf_sip_split rejects %s: %s", sf_sip_header_name(h->id),
             sf_sip_status_name(rc));
    for (size_t i = 0; i < n; i++) {
      SF_CHECK(elems[i].ptr >= h->value.ptr &&
                   elems[i].ptr + elems[i].len <= h->value.ptr + h->value.len,
               "a split element outside its value");
      if (h->id == SF_SIP_H_VIA) {
        rc = sf_sip_parse_via(b, elems[i], &via, &e);
        SF_CHECK(rc != SF_SIP_OK || via.param_count <= SF_SIP_MAX_PARAMS, "Via params");
      } else if (h->id == SF_SIP_H_CONTACT || h->id == SF_SIP_H_ROUTE ||
                 h->id == SF_SIP_H_RECORD_ROUTE) {
        rc = sf_sip_parse_addr(b, elems[i], &addr, &e);
        if (rc == SF_SIP_OK && !addr.is_star) sf_check_uri_within(&addr.uri, b, m->body_offset);
      }
      SF_CHECK(rc == SF_SIP_OK, "%s element %zu rejected alone: %s", sf_sip_header_name(h->id),
               i, sf_sip_status_name(rc));
    }
    return;
  }
  switch (h->id) {
    case SF_SIP_H_FROM:
    case SF_SIP_H_TO:
    case SF_SIP_H_REPLY_TO:
    case SF_SIP_H_REFER_TO:
    case SF_SIP_H_REFERRED_BY:
      rc = sf_sip_parse_addr(b, h->value, &addr, &e);
      if (rc == SF_SIP_OK) {
        SF_CHECK(!addr.is_star, "a %s of \"*\"", sf_sip_header_name(h->id));
        sf_check_uri_within(&addr.uri, b, m->body_offset);
        sf_check_params_within(addr.params, addr.param_count, SF_SIP_MAX_PARAMS, b,
                               m->body_offset, "address param");
      }
      break;
    case SF_SIP_H_CSEQ: {
      sf_sip_cseq c;
      rc = sf_sip_parse_cseq(b, h->value, &c, &e);
      break;
    }
    case SF_SIP_H_CALL_ID:
      rc = sf_sip_parse_call_id(b, h->value, &e);
      break;
    case SF_SIP_H_MAX_FORWARDS: {
      uint8_t mf;
      rc = sf_sip_parse_max_forwards(b, h->value, &mf, &e);
      break;
    }
    case SF_SIP_H_CONTENT_LENGTH: {
      uint32_t cl = 0;
      rc = sf_sip_parse_content_length(b, h->value, &cl, &e);
      SF_CHECK(rc != SF_SIP_OK || cl == m->content_length, "Content-Length %u, framed %u", cl,
               m->content_length);
      break;
    }
    case SF_SIP_H_CONTENT_TYPE: {
      static sf_content_type ct;
      unsigned cf = (flags & SF_SIP_ALLOW_UNQUOTED_SLASH) ? SF_CONTENT_ALLOW_UNQUOTED_SLASH : 0;
      rc = sf_content_parse_type(b, h->value, cf, &ct, &e) == SF_CONTENT_OK ? SF_SIP_OK
                                                                              : SF_SIP_BAD_CONTENT_TYPE;
      SF_CHECK(rc != SF_SIP_OK || !(ct.warnings & SF_CONTENT_W_UNQUOTED_SLASH) ||
                   (m->warnings & SF_SIP_W(UNQUOTED_SLASH)),
               "an unquoted '/' not reported");
      break;
    }
    case SF_SIP_H_DATE: {
      sf_sip_date d;
      rc = sf_sip_parse_date(b, h->value, &d, &e);
      SF_CHECK(rc != SF_SIP_OK || (d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31),
               "a Date out of range");
      break;
    }
    case SF_SIP_H_IDENTITY: {
      sf_slice id;
      unsigned w = 0;
      rc = sf_sip_parse_identity(b, h->value, flags, &id, &w, &e);
      SF_CHECK(rc != SF_SIP_OK || (m->warnings & w) == w, "Identity warning not reported");
      break;
    }
    case SF_SIP_H_USER_AGENT:
    case SF_SIP_H_SERVER:
      rc = sf_sip_parse_user_agent(b, h->value, &e);
      break;
    default:
      break;
  }
  SF_CHECK(rc == SF_SIP_OK, "%s rejected alone: %s at %zu", sf_sip_header_name(h->id),
           sf_sip_status_name(rc), e.offset);
}

static void check_same_msg(const sf_sip_msg *a, const sf_sip_msg *b) {
  SF_CHECK(a->is_request == b->is_request, "round trip changed request/response");
  if (a->is_request) {
    SF_CHECK(sf_same_bytes(a->method, b->method), "round trip changed the method");
    SF_CHECK(sf_same_bytes(a->request_uri, b->request_uri), "round trip changed the R-URI");
    sf_check_same_uri(&a->uri, &b->uri);
  } else {
    SF_CHECK(a->status_code == b->status_code, "round trip changed the status code");
    SF_CHECK(sf_same_bytes(a->reason, b->reason), "round trip changed the reason phrase");
  }
  SF_CHECK(a->header_count == b->header_count, "round trip changed the header count");
  for (size_t i = 0; i < a->header_count; i++) {
    const sf_sip_header *x = &a->headers[i], *y = &b->headers[i];
    SF_CHECK(x->id == y->id, "round trip changed header %zu", i);
    SF_CHECK(x->id != SF_SIP_H_OTHER || sf_same_bytes(x->name, y->name),
             "round trip changed the name of header %zu", i);
    SF_CHECK(!y->folded, "a printed header is folded");
    uint8_t *u = malloc(x->value.len + 1);
    size_t n = 0;
    SF_CHECK(u != NULL && sf_sip_unfold(x->value, u, x->value.len, &n) == SF_SIP_OK,
             "unfolding needed more than value.len");
    SF_CHECK(sf_same_bytes(sf_slice_make(u, n), y->value) || (n == 0 && y->value.len == 0),
             "round trip changed the value of header %zu", i);
    free(u);
  }
  SF_CHECK(sf_same_bytes(a->body, b->body), "round trip changed the body");
  SF_CHECK(a->has_content_length == b->has_content_length &&
               a->content_length == b->content_length,
           "round trip changed Content-Length");
}

static void check_print(const sf_sip_msg *m, unsigned flags) {
  size_t bound = sf_sip_print_bound(m);
  uint8_t *p1 = malloc(bound ? bound : 1), *p2 = malloc(bound ? bound : 1);
  SF_CHECK(p1 != NULL && p2 != NULL, "out of memory");
  size_t n1 = 0, n2 = 0;
  SF_CHECK(sf_sip_print(m, p1, bound, &n1) == SF_SIP_OK, "print needs more than its bound");
  /* Reparse from an exact-size copy, so an over-read past the print is an
   * over-read past a heap block (ASan), not into the unused bound. */
  uint8_t *exact = malloc(n1 ? n1 : 1);
  SF_CHECK(exact != NULL, "out of memory");
  memcpy(exact, p1, n1);
  static sf_sip_msg again;
  sf_error e;
  int rc = sf_sip_parse(exact, n1, flags, &again, &e);
  SF_CHECK(rc == SF_SIP_OK, "the canonical print does not parse: %s at %zu of %zu",
           sf_sip_status_name(rc), e.offset, n1);
  check_same_msg(m, &again);
  SF_CHECK(again.trailing.len == 0, "the canonical print has trailing bytes");
  SF_CHECK(sf_sip_print(&again, p2, bound, &n2) == SF_SIP_OK && n1 == n2 &&
               memcmp(p1, p2, n1) == 0,
           "printing is not idempotent");
  free(exact);
  free(p1);
  free(p2);
}

static int ran_out(int rc) {
  return rc == SF_SIP_TRUNCATED || rc == SF_SIP_CONTENT_LENGTH_EXCEEDS_BODY || rc == SF_SIP_EMPTY;
}

static void run(const uint8_t *data, size_t size, unsigned flags) {
  static sf_sip_msg dg, st;
  sf_error ed, es;
  int rd = sf_sip_parse(data, size, flags, &dg, &ed);
  int rs = sf_sip_parse(data, size, flags | SF_SIP_STREAM, &st, &es);

  if (rd != SF_SIP_OK) sf_check_sip_error(rd, &ed, size);
  if (rs != SF_SIP_OK) sf_check_sip_error(rs, &es, size);
  SF_CHECK(rd != SF_SIP_INCOMPLETE, "INCOMPLETE from a datagram parse");
  SF_CHECK(!ran_out(rs), "%s from a stream parse", sf_sip_status_name(rs));
  SF_CHECK((rs == SF_SIP_INCOMPLETE) == ran_out(rd), "stream %s but datagram %s",
           sf_sip_status_name(rs), sf_sip_status_name(rd));
  if (rd == SF_SIP_OK) {
    SF_CHECK(rs == (dg.has_content_length ? SF_SIP_OK : SF_SIP_MISSING_CONTENT_LENGTH),
             "datagram OK but stream %s", sf_sip_status_name(rs));
    check_msg_within(&dg, data, size);
    check_framing(&dg, data, size, flags);
    for (size_t i = 0; i < dg.header_count; i++) check_header_alone(&dg, &dg.headers[i], flags);
    check_print(&dg, flags);
    sf_error ev;
    int rv = sf_sip_validate(&dg, 0, &ev);
    if (rv != SF_SIP_OK) sf_check_sip_error(rv, &ev, size);
  } else if (!ran_out(rd)) {
    SF_CHECK(rs == rd && es.offset == ed.offset, "datagram %s at %zu but stream %s at %zu",
             sf_sip_status_name(rd), ed.offset, sf_sip_status_name(rs), es.offset);
  }
  if (rs == SF_SIP_OK) {
    check_msg_within(&st, data, size);
    check_framing(&st, data, size, flags | SF_SIP_STREAM);
    SF_CHECK(st.message_len == dg.message_len && st.header_count == dg.header_count,
             "stream and datagram frame the message differently");
    check_print(&st, flags | SF_SIP_STREAM);
  }
}

/* check_non_utf8: with every leniency, the same input with and without
 * SF_SIP_ALLOW_NON_UTF8. Without it, a parse that needed the flag fails
 * with SF_SIP_BAD_UTF8; one that did not gets the same verdict, except
 * that ill-formed UTF-8 before the fault the flag let it reach is now
 * reported first. "Before" is in the order the parser finds faults, which
 * is byte order but for one code: SF_SIP_CONTENT_LENGTH_EXCEEDS_BODY is
 * found once the header section has ended and points back at the
 * Content-Length value, so ill-formed UTF-8 in any later header field
 * comes first without the flag (crashes/sip_message/, INDEX.tsv). */
static void check_non_utf8(const uint8_t *data, size_t size) {
  static sf_sip_msg with, without;
  sf_error ew, eo;
  int rw = sf_sip_parse(data, size, LENIENT, &with, &ew);
  int ro = sf_sip_parse(data, size, LENIENT & ~SF_SIP_ALLOW_NON_UTF8, &without, &eo);
  if (rw == SF_SIP_OK && (with.warnings & SF_SIP_W(NON_UTF8))) {
    SF_CHECK(ro == SF_SIP_BAD_UTF8, "NON_UTF8 reported, yet without the flag: %s",
             sf_sip_status_name(ro));
  } else if (rw == SF_SIP_OK) {
    SF_CHECK(ro == SF_SIP_OK && without.warnings == with.warnings,
             "no NON_UTF8 reported, yet without the flag: %s", sf_sip_status_name(ro));
  } else {
    int found_later = rw == SF_SIP_CONTENT_LENGTH_EXCEEDS_BODY;
    SF_CHECK((ro == rw && eo.offset == ew.offset) ||
                 (ro == SF_SIP_BAD_UTF8 && (eo.offset < ew.offset || found_later)),
             "%s at %zu with SF_SIP_ALLOW_NON_UTF8 but %s at %zu without",
             sf_sip_status_name(rw), ew.offset, sf_sip_status_name(ro), eo.offset);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  run(data, size, 0);
  run(data, size, LENIENT);
  check_non_utf8(data, size);
  return 0;
}
