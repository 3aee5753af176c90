/**
 * The keyword query language of alert rules (R-ALR-1), as a Peggy grammar. Precedence, loosest
 * first: OR, AND (also implied by a space), NOT, NEAR/n. Operators are upper-case words or
 * `|`, `&`, a leading `-` (full-width forms too); Chinese punctuation from an IME works: （）
 * for grouping, “…” and 「…」 for phrases. NEAR joins two terms, not groups or other NEARs. A term is any run of characters without space, bracket or quote; it
 * matches as a substring, since Chinese has no spaces between words.
 *
 *   停水 AND (江城 OR 武汉) NOT 演练      "全市停水" NEAR/10 三天      疫苗 -谣言
 */
export const KEYWORD_QUERY_GRAMMAR = String.raw`
{
  // The caller turns the words into terms (its normalisation), so the grammar stays syntax only.
  const term = (text, where) => options.term(text, where);
}

Query
  = _ expression:Or _ { return expression; }

Or
  = head:And tail:(_ OrOperator _ @And)* { return tail.length ? { type: 'or', operands: [head, ...tail] } : head; }

And
  = head:Not tail:(_ (AndOperator _)? @Not)* { return tail.length ? { type: 'and', operands: [head, ...tail] } : head; }

Not
  = NotOperator _ operand:Not { return { type: 'not', operand }; }
  / Near

Near
  = head:Primary tail:(_ NearOperator @Distance _ @Primary)* {
      return tail.reduce((left, [distance, right]) => {
        if (left.type !== 'term' || right.type !== 'term') error('NEAR joins two words or phrases');
        return { type: 'near', left, right, distance };
      }, head);
    }

Primary
  = OpenParen _ @Or _ CloseParen
  / Phrase
  / Term

Phrase
  = '"' text:$[^"]* '"' { return term(text, location()); }
  / '“' text:$[^”]* '”' { return term(text, location()); }
  / '＂' text:$[^＂]* '＂' { return term(text, location()); }
  / '「' text:$[^」]* '」' { return term(text, location()); }

Term
  = !Reserved text:$TermChar+ { return term(text, location()); }

Reserved
  = ('AND' / 'OR' / 'NOT') !TermChar

TermChar
  = [^ \t\r\n\u3000()（）"“”「」＂|｜&＆]

OrOperator = 'OR' !TermChar / '|' / '｜'
AndOperator = 'AND' !TermChar / '&' / '＆'
NotOperator = 'NOT' !TermChar / ('-' / '－') &(TermChar / OpenParen / '"' / '“' / '「' / '＂')
NearOperator = 'NEAR/'i / 'W/'i
Distance = digits:$[0-9]+ { return Number(digits); }

OpenParen = '(' / '（'
CloseParen = ')' / '）'

_ = [ \t\r\n\u3000]*
`;
