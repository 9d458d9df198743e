/* content_id.c: the Content-ID field (RFC 2045 7, RFC 5322 3.6.4).
 *
 *   msg-id   = "<" id-left "@" id-right ">"
 *   id-left  = dot-atom-text
 *   id-right = dot-atom-text / no-fold-literal
 *   dot-atom-text   = 1*atext *("." 1*atext)
 *   no-fold-literal = "[" *dtext "]"     ; dtext = %d33-90 / %d94-126
 *
 * White space (folds included) may surround it; comments and the obsolete
 * forms are not accepted: cid: URLs (RFC 2392) must find the same id. */
#include "lex.h"
#include "mime_internal.h"

/* get_dot_atom reads dot-atom-text. */
static int get_dot_atom(sf_text *t) {
  do {
    if (sf_text_skip_class(t, SF_C_ATEXT) == 0) return 0;
  } while (sf_text_expect(t, '.'));
  return 1;
}

/* get_literal reads "[" *dtext "]". */
static int get_literal(sf_text *t) {
  if (!sf_text_expect(t, '[')) return 0;
  uint8_t ch = 0;
  while (sf_text_peek(t, &ch) && ch >= 33 && ch <= 126 && ch != '[' && ch != ']' && ch != '\\') {
    sf_text_skip(t, 1);
  }
  return sf_text_expect(t, ']');
}

int sf_mimei_check_content_id(sf_mimei_ctx *c, sf_slice value) {
  sf_text t = sf_text_of_slice(c->base, value);
  sf_lex_skip_lws(&t);
  int ok = sf_text_expect(&t, '<') && get_dot_atom(&t) && sf_text_expect(&t, '@') &&
           (sf_text_is_next(&t, '[') ? get_literal(&t) : get_dot_atom(&t)) &&
           sf_text_expect(&t, '>');
  if (ok) {
    sf_lex_skip_lws(&t);
    ok = sf_text_at_end(&t);
  }
  return ok ? SF_MIME_OK : sf_mimei_fail(c, SF_MIME_BAD_CONTENT_ID, t.pos);
}
