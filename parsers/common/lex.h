/* lex.h: lexical pieces shared by the SIP and MIME grammars (internal).
 *
 * RFC 3261 25.1 and RFC 2045/822 agree on these up to details noted below;
 * both sides call the same code so they cannot drift apart. */
#ifndef SF_LEX_H
#define SF_LEX_H

#include "text.h"

/* sf_lex_skip_lws skips linear white space: SP and HT, and a line break
 * (CRLF, or a bare LF) that is followed by SP or HT, i.e. a folded line
 * (RFC 3261 25.1 LWS/SWS, RFC 5322 FWS). Header values handed to structured
 * parsers end before their final line break, so every break inside one is a
 * fold; a break not followed by white space is left alone. Returns 1 if
 * anything was skipped. */
int sf_lex_skip_lws(sf_text *t);

/* sf_lex_is_fold returns 1 if a folded line break starts at the cursor. */
int sf_lex_is_fold(const sf_text *t);

/* Outcome of sf_lex_get_quoted. */
enum sf_lex_quoted {
  SF_LEX_QUOTED_OK = 0,
  SF_LEX_QUOTED_UNTERMINATED, /* no closing DQUOTE before the end */
  SF_LEX_QUOTED_BAD_CHAR,     /* CR/LF not part of a fold, or a control byte */
};

/* sf_lex_get_quoted reads a quoted-string starting at a DQUOTE: qdtext is
 * LWS, %x21, %x23-5B, %x5D-7E or any byte >= 0x80 (UTF-8), and a quoted-pair
 * is "\" followed by any byte but CR and LF (RFC 3261 25.1; a stricter
 * reading of RFC 822's quoted-pair). |*out| includes both quotes. On failure
 * the cursor is left at the offending byte (or at the end, for an
 * unterminated string) so the caller can report that offset. */
int sf_lex_get_quoted(sf_text *t, sf_slice *out);

/* sf_lex_unquote writes the text of a quoted-string (with its quotes) into
 * |out|, dropping the quotes and resolving quoted-pairs and dropping the line breaks of folds (their white
 * space stays). Returns 0 if it does
 * not fit in |cap|; s.len bytes always suffice. */
int sf_lex_unquote(sf_slice s, uint8_t *out, size_t cap, size_t *out_len);

#endif /* SF_LEX_H */
