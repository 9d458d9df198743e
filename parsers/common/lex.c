/* lex.c: see lex.h. */
#include "lex.h"

int sf_lex_is_fold(const sf_text *t) {
  uint8_t c0 = 0, c1 = 0, c2 = 0;
  if (!sf_text_peek(t, &c0)) return 0;
  if (c0 == '\r') {
    return sf_text_peek_at(t, 1, &c1) && c1 == '\n' && sf_text_peek_at(t, 2, &c2) &&
           (c2 == ' ' || c2 == '\t');
  }
  if (c0 == '\n') return sf_text_peek_at(t, 1, &c1) && (c1 == ' ' || c1 == '\t');
  return 0;
}

int sf_lex_skip_lws(sf_text *t) {
  size_t start = t->pos;
  for (;;) {
    if (sf_text_skip_class(t, SF_C_WSP)) continue;
    if (sf_lex_is_fold(t)) {
      uint8_t c = 0;
      sf_text_peek(t, &c);
      sf_text_skip(t, c == '\r' ? 2 : 1);
      continue;
    }
    break;
  }
  return t->pos != start;
}

int sf_lex_get_quoted(sf_text *t, sf_slice *out) {
  size_t start = t->pos;
  if (!sf_text_expect(t, '"')) return SF_LEX_QUOTED_BAD_CHAR;
  for (;;) {
    uint8_t c = 0;
    if (!sf_text_peek(t, &c)) return SF_LEX_QUOTED_UNTERMINATED;
    if (c == '"') {
      sf_text_skip(t, 1);
      *out = sf_text_slice(t, start);
      return SF_LEX_QUOTED_OK;
    }
    if (c == '\\') {
      uint8_t next = 0;
      if (!sf_text_peek_at(t, 1, &next)) {
        sf_text_skip(t, 1); /* a lone backslash at the very end */
        return SF_LEX_QUOTED_UNTERMINATED;
      }
      if (next == '\r' || next == '\n') {
        sf_text_skip(t, 1);
        return SF_LEX_QUOTED_BAD_CHAR;
      }
      sf_text_skip(t, 2);
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (!sf_lex_is_fold(t)) return SF_LEX_QUOTED_BAD_CHAR;
      sf_lex_skip_lws(t);
      continue;
    }
    if (c == ' ' || c == '\t' || c >= 0x21) {
      if (c == 0x7f) return SF_LEX_QUOTED_BAD_CHAR;
      sf_text_skip(t, 1);
      continue;
    }
    return SF_LEX_QUOTED_BAD_CHAR;
  }
}

int sf_lex_unquote(sf_slice s, uint8_t *out, size_t cap, size_t *out_len) {
  size_t n = 0;
  size_t i = 0, end = s.len;
  if (end >= 2 && s.ptr[0] == '"' && s.ptr[end - 1] == '"') {
    i = 1;
    end--;
  }
  while (i < end) {
    uint8_t c = s.ptr[i++];
    if (c == '\\' && i < end) {
      c = s.ptr[i++];
    } else if (c == '\r' || c == '\n') {
      continue; /* a fold: its white space stays, the line break goes */
    }
    if (n >= cap) return 0;
    out[n++] = c;
  }
  *out_len = n;
  return 1;
}
