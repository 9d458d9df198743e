/* content.c: Content-Type, Content-Disposition and Content-Transfer-Encoding
 * values, shared by SIP (RFC 3261 20.11, 20.15, 25.1 m-type) and MIME
 * (RFC 2045 5.1 and 6.1, RFC 2183 2).
 *
 *   media-type  = type "/" subtype *( ";" parameter )
 *   disposition = disposition-type *( ";" parameter )
 *   parameter   = attribute "=" value ; value = token / quoted-string
 *
 * SIP allows LWS around "/", ";" and "=" (SLASH, SEMI, EQUAL are SWS-padded);
 * we allow it on the MIME side too, which is what every MIME reader does.
 * Tokens are RFC 2045 tokens (a superset of RFC 3261 tokens: it adds
 * "#$&^{|}"), so a value valid on either side parses. Comments (RFC 822
 * "(...)") are not accepted: neither SIP nor the S/MIME traffic we target
 * uses them, and accepting them is where parsers have disagreed. */
#include "sf/content.h"

#include "lex.h"

static const char *const status_names[] = {
#define SF_X(name, reason) "SF_CONTENT_" #name,
    SF_CONTENT_STATUS_LIST(SF_X)
#undef SF_X
};
static const char *const status_reasons[] = {
#define SF_X(name, reason) reason,
    SF_CONTENT_STATUS_LIST(SF_X)
#undef SF_X
};

const char *sf_content_status_name(int code) {
  return (code >= 0 && code < SF_CONTENT_STATUS_COUNT) ? status_names[code] : "?";
}

const char *sf_content_status_reason(int code) {
  return (code >= 0 && code < SF_CONTENT_STATUS_COUNT) ? status_reasons[code] : "unknown status";
}

/* fail records |code| at the cursor and returns it. */
static int fail(sf_error *err, const sf_text *t, int code) {
  if (err != NULL) {
    err->code = code;
    err->offset = t->pos;
    err->reason = sf_content_status_reason(code);
  }
  return code;
}

static int ok(sf_error *err) {
  if (err != NULL) {
    err->code = SF_CONTENT_OK;
    err->offset = 0;
    err->reason = sf_content_status_reason(SF_CONTENT_OK);
  }
  return SF_CONTENT_OK;
}

/* get_param_value reads a token or quoted-string value. */
static int get_param_value(sf_text *t, unsigned flags, sf_content_param *p, unsigned *warnings,
                           sf_error *err) {
  if (sf_text_is_next(t, '"')) {
    int q = sf_lex_get_quoted(t, &p->value);
    if (q == SF_LEX_QUOTED_UNTERMINATED) return fail(err, t, SF_CONTENT_UNTERMINATED_QUOTE);
    if (q != SF_LEX_QUOTED_OK) return fail(err, t, SF_CONTENT_BAD_QUOTED_CHAR);
    p->quoted = 1;
    return SF_CONTENT_OK;
  }
  size_t start = t->pos;
  int saw_slash = 0;
  for (;;) {
    if (sf_text_skip_class(t, SF_C_MIME_TOKEN)) continue;
    if (sf_text_is_next(t, '/')) {
      /* '/' is a tspecial: only the named leniency lets it through. */
      if (!(flags & SF_CONTENT_ALLOW_UNQUOTED_SLASH)) {
        return fail(err, t, SF_CONTENT_UNQUOTED_TSPECIAL);
      }
      saw_slash = 1;
      sf_text_skip(t, 1);
      continue;
    }
    break;
  }
  if (t->pos == start) {
    /* Nothing at all ("a=", "a=;b=c") is told apart from a value that
     * starts with a byte no token may hold ("a=@"). */
    int empty = sf_text_at_end(t) || sf_text_is_next(t, ';');
    return fail(err, t, empty ? SF_CONTENT_EMPTY_PARAM_VALUE : SF_CONTENT_BAD_PARAM_VALUE);
  }
  if (saw_slash) *warnings |= SF_CONTENT_W_UNQUOTED_SLASH;
  p->value = sf_text_slice(t, start);
  p->quoted = 0;
  return SF_CONTENT_OK;
}

/* get_params reads *( ";" attribute "=" value ) up to the end of the value. */
static int get_params(sf_text *t, unsigned flags, sf_content_params *out, unsigned *warnings,
                      sf_error *err) {
  out->count = 0;
  out->failed_name = sf_slice_make(NULL, 0);
  for (;;) {
    sf_lex_skip_lws(t);
    if (sf_text_at_end(t)) return SF_CONTENT_OK;
    if (!sf_text_expect(t, ';')) return fail(err, t, SF_CONTENT_TRAILING_GARBAGE);
    sf_lex_skip_lws(t);
    sf_content_param p = {{NULL, 0}, {NULL, 0}, 0};
    if (!sf_text_get_span(t, SF_C_MIME_TOKEN, &p.name)) {
      return fail(err, t, SF_CONTENT_BAD_PARAM_NAME);
    }
    sf_lex_skip_lws(t);
    if (!sf_text_expect(t, '=')) return fail(err, t, SF_CONTENT_MISSING_EQUALS);
    sf_lex_skip_lws(t);
    int rc = get_param_value(t, flags, &p, warnings, err);
    if (rc != SF_CONTENT_OK) {
      out->failed_name = p.name;
      return rc;
    }
    if (out->count == SF_CONTENT_MAX_PARAMS) {
      t->pos = (size_t)(p.name.ptr - t->base);
      return fail(err, t, SF_CONTENT_TOO_MANY_PARAMS);
    }
    out->items[out->count++] = p;
  }
}

int sf_content_parse_type(const uint8_t *base, sf_slice value, unsigned flags,
                          sf_content_type *out, sf_error *err) {
  sf_text t = sf_text_of_slice(base, value);
  out->type = out->subtype = sf_slice_make(NULL, 0);
  out->params.count = 0;
  out->params.failed_name = sf_slice_make(NULL, 0);
  out->warnings = 0;
  sf_lex_skip_lws(&t);
  if (sf_text_at_end(&t)) return fail(err, &t, SF_CONTENT_EMPTY);
  if (!sf_text_get_span(&t, SF_C_MIME_TOKEN, &out->type)) return fail(err, &t, SF_CONTENT_BAD_TYPE);
  sf_lex_skip_lws(&t);
  if (!sf_text_expect(&t, '/')) return fail(err, &t, SF_CONTENT_MISSING_SLASH);
  sf_lex_skip_lws(&t);
  if (!sf_text_get_span(&t, SF_C_MIME_TOKEN, &out->subtype)) {
    return fail(err, &t, SF_CONTENT_BAD_SUBTYPE);
  }
  int rc = get_params(&t, flags, &out->params, &out->warnings, err);
  return rc != SF_CONTENT_OK ? rc : ok(err);
}

int sf_content_parse_disposition(const uint8_t *base, sf_slice value, unsigned flags,
                                 sf_content_disposition *out, sf_error *err) {
  sf_text t = sf_text_of_slice(base, value);
  out->type = sf_slice_make(NULL, 0);
  out->params.count = 0;
  out->params.failed_name = sf_slice_make(NULL, 0);
  out->warnings = 0;
  sf_lex_skip_lws(&t);
  if (sf_text_at_end(&t)) return fail(err, &t, SF_CONTENT_EMPTY);
  if (!sf_text_get_span(&t, SF_C_MIME_TOKEN, &out->type)) {
    return fail(err, &t, SF_CONTENT_BAD_DISPOSITION);
  }
  int rc = get_params(&t, flags, &out->params, &out->warnings, err);
  return rc != SF_CONTENT_OK ? rc : ok(err);
}

int sf_content_parse_encoding(const uint8_t *base, sf_slice value, sf_slice *out, sf_error *err) {
  sf_text t = sf_text_of_slice(base, value);
  *out = sf_slice_make(NULL, 0);
  sf_lex_skip_lws(&t);
  if (sf_text_at_end(&t)) return fail(err, &t, SF_CONTENT_EMPTY);
  if (!sf_text_get_span(&t, SF_C_MIME_TOKEN, out)) return fail(err, &t, SF_CONTENT_BAD_ENCODING);
  sf_lex_skip_lws(&t);
  if (!sf_text_at_end(&t)) return fail(err, &t, SF_CONTENT_TRAILING_GARBAGE);
  return ok(err);
}

const sf_content_param *sf_content_find_param(const sf_content_params *params, const char *name) {
  for (size_t i = 0; i < params->count; i++) {
    if (sf_slice_eq_nocase_lit(params->items[i].name, name)) return &params->items[i];
  }
  return NULL;
}

int sf_content_unquote(sf_slice value, uint8_t *out, size_t cap, size_t *out_len) {
  return sf_lex_unquote(value, out, cap, out_len) ? SF_CONTENT_OK : SF_CONTENT_BUFFER_TOO_SMALL;
}

int sf_content_type_is(const sf_content_type *ct, const char *type, const char *subtype) {
  return sf_slice_eq_nocase_lit(ct->type, type) && sf_slice_eq_nocase_lit(ct->subtype, subtype);
}
