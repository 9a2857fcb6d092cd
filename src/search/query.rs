//! The library's query language, read into a small syntax tree before any index is touched.
//!
//! ```text
//! query   := or
//! or      := and ("OR" and)*
//! and     := unary (["AND"] unary)*            words side by side must all match
//! unary   := "NOT" unary | "-" atom | atom
//! atom    := "(" or ")" | FIELD ":" value | "\"phrase\"" | word
//! value   := word | "\"phrase\""               year: 2018, 2018..2021, ..2020, 2018..; sdg: 1 to 17
//! ```
//!
//! Fields: `city:`, `country:` (ISO code or name), `year:`, `theme:`, `sdg:`, with aliases in the
//! other interface languages (`ville:`, `pays:`, `ciudad:`, `城市:` …). Operators are upper case
//! (`and`, `or`, `not` are words). Full-width quotes, parentheses and colons, as typed with a
//! Chinese input method, count as their ASCII forms. Words without a letter or digit (a lone
//! `*`, `!`) are dropped. Parsing is pure and total: any text gives a tree or a [`QueryError`]
//! that says what to fix; it never panics.

use std::fmt;

use crate::i18n::Tr;

/// The longest query accepted (characters).
pub const MAX_QUERY_CHARS: usize = 500;
/// The most words, phrases and filters in one query.
pub const MAX_TERMS: usize = 32;
/// The deepest nesting of parentheses.
pub const MAX_DEPTH: usize = 5;

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    Leaf(Leaf),
    /// Every part must match (at least two parts).
    And(Vec<Query>),
    /// At least one part must match (at least two parts).
    Or(Vec<Query>),
    Not(Box<Query>),
}

/// Where a word or phrase is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// Titles, texts, places and themes, in every language.
    Anywhere,
    City,
    Country,
    Theme,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Leaf {
    /// One word (it may still be several tokens once analysed, e.g. Chinese or "e-waste").
    Word { scope: Scope, text: String },
    /// Words that must appear together, in this order.
    Phrase { scope: Scope, text: String },
    /// Entries of editions held in these years (inclusive).
    Year { from: u16, to: u16 },
    /// Initiatives that name this Sustainable Development Goal.
    Sdg(u8),
}

pub const MIN_YEAR: u16 = 1000;
pub const MAX_YEAR: u16 = 9999;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("the search has no words to look for")]
    Empty,
    #[error("the search is longer than {max} characters")]
    TooLong { max: usize },
    #[error("the search has more than {max} terms")]
    TooManyTerms { max: usize },
    #[error("parentheses are nested more than {max} deep")]
    TooDeep { max: usize },
    #[error("a quotation mark is not closed")]
    UnbalancedQuote,
    #[error("parentheses do not match")]
    UnbalancedParenthesis,
    #[error("unknown field {field:?}")]
    UnknownField { field: String },
    #[error("the field {field:?} has no value")]
    MissingValue { field: String },
    #[error("{value:?} is not a year or a range of years")]
    BadYear { value: String },
    #[error("{value:?} is not a goal number from 1 to 17")]
    BadSdg { value: String },
    #[error("{operator} needs something on each side")]
    MissingOperand { operator: &'static str },
}

impl QueryError {
    /// What went wrong and how to fix it, in the user's language.
    pub fn message(&self, tr: &Tr) -> String {
        match self {
            QueryError::Empty => tr.t("search-error-empty"),
            QueryError::TooLong { max } => tr.t1("search-too-long", "max", *max),
            QueryError::TooManyTerms { max } => tr.t1("search-error-too-many-terms", "max", *max),
            QueryError::TooDeep { max } => tr.t1("search-error-too-deep", "max", *max),
            QueryError::UnbalancedQuote => tr.t("search-error-quote"),
            QueryError::UnbalancedParenthesis => tr.t("search-error-parenthesis"),
            QueryError::UnknownField { field } => tr.t1("search-error-unknown-field", "name", field.as_str()),
            QueryError::MissingValue { field } => tr.t1("search-error-missing-value", "name", field.as_str()),
            QueryError::BadYear { value } => tr.t1("search-error-year", "query", value.as_str()),
            QueryError::BadSdg { value } => tr.t1("search-error-sdg", "query", value.as_str()),
            QueryError::MissingOperand { operator } => tr.t1("search-error-operator", "what", *operator),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FieldName {
    City,
    Country,
    Year,
    Theme,
    Sdg,
}

/// Field names and their aliases in the interface languages (lower case, accents as typed).
const FIELD_NAMES: &[(&str, FieldName)] = &[
    ("city", FieldName::City),
    ("ville", FieldName::City),
    ("ciudad", FieldName::City),
    ("城市", FieldName::City),
    ("country", FieldName::Country),
    ("pays", FieldName::Country),
    ("pais", FieldName::Country),
    ("país", FieldName::Country),
    ("国家", FieldName::Country),
    ("year", FieldName::Year),
    ("annee", FieldName::Year),
    ("année", FieldName::Year),
    ("ano", FieldName::Year),
    ("año", FieldName::Year),
    ("年份", FieldName::Year),
    ("年", FieldName::Year),
    ("theme", FieldName::Theme),
    ("thème", FieldName::Theme),
    ("tema", FieldName::Theme),
    ("主题", FieldName::Theme),
    ("sdg", FieldName::Sdg),
    ("odd", FieldName::Sdg),
    ("ods", FieldName::Sdg),
];

fn field_name(name: &str) -> Option<FieldName> {
    let lower = name.to_lowercase();
    FIELD_NAMES.iter().find(|(alias, _)| *alias == lower).map(|(_, field)| *field)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Phrase(String),
    /// `name:` directly followed by its value.
    Field(String),
    Open,
    Close,
    And,
    Or,
    Not,
    Minus,
}

/// Full-width and typographic forms, as input methods type them, to their ASCII meaning.
fn normalise(c: char) -> char {
    match c {
        '“' | '”' | '＂' | '„' | '«' | '»' => '"',
        '（' => '(',
        '）' => ')',
        '：' => ':',
        '\u{3000}' => ' ',
        other => other,
    }
}

fn is_word_char(c: char) -> bool {
    !(c.is_whitespace() || c == '"' || c == '(' || c == ')')
}

fn lex(text: &str) -> Result<Vec<Token>, QueryError> {
    let chars: Vec<char> = text.chars().map(normalise).collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' {
            tokens.push(Token::Open);
            i += 1;
        } else if c == ')' {
            tokens.push(Token::Close);
            i += 1;
        } else if c == '"' {
            let start = i + 1;
            let end = (start..chars.len()).find(|&j| chars[j] == '"').ok_or(QueryError::UnbalancedQuote)?;
            tokens.push(Token::Phrase(chars[start..end].iter().collect()));
            i = end + 1;
        } else if (c == '-' || c == '+') && chars.get(i + 1).is_some_and(|next| is_word_char(*next) || *next == '"')
            || (c == '-' && chars.get(i + 1) == Some(&'('))
        {
            // `-word`, `-"phrase"`, `-(group)` exclude; `+word` is what words mean anyway.
            if c == '-' {
                tokens.push(Token::Minus);
            }
            i += 1;
        } else {
            let start = i;
            let mut field = None;
            while i < chars.len() && is_word_char(chars[i]) {
                if chars[i] == ':' {
                    let name: String = chars[start..i].iter().collect();
                    if is_field_like(&name) {
                        field = Some(name);
                        i += 1;
                        break;
                    }
                }
                i += 1;
            }
            if let Some(name) = field {
                tokens.push(Token::Field(name));
                continue;
            }
            let word: String = chars[start..i].iter().collect();
            tokens.push(match word.as_str() {
                "AND" | "&&" => Token::And,
                "OR" | "||" => Token::Or,
                "NOT" => Token::Not,
                _ => Token::Word(word),
            });
        }
    }
    Ok(tokens)
}

/// Whether `name:` introduces a field: a known name in any language, or any other name in
/// Latin letters (then reported as unknown). Other text before a colon stays a word, so Chinese
/// or Arabic text with a colon in it is still searched.
fn is_field_like(name: &str) -> bool {
    !name.is_empty() && (field_name(name).is_some() || name.chars().all(|c| c.is_ascii_alphabetic() || c == '_'))
}

fn has_content(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let token = self.tokens.get(self.at).cloned();
        self.at += 1;
        token
    }

    fn ends_operand(&self) -> bool {
        matches!(self.peek(), None | Some(Token::Close) | Some(Token::Or) | Some(Token::And))
    }

    fn or(&mut self, depth: usize) -> Result<Option<Query>, QueryError> {
        if self.peek() == Some(&Token::Or) {
            return Err(QueryError::MissingOperand { operator: "OR" });
        }
        let mut parts = Vec::new();
        parts.extend(self.and(depth)?);
        while self.peek() == Some(&Token::Or) {
            self.next();
            if self.ends_operand() {
                return Err(QueryError::MissingOperand { operator: "OR" });
            }
            parts.extend(self.and(depth)?);
        }
        Ok(combine(parts, Query::Or))
    }

    fn and(&mut self, depth: usize) -> Result<Option<Query>, QueryError> {
        let mut parts = Vec::new();
        let mut seen_any = false;
        loop {
            match self.peek() {
                None | Some(Token::Close) | Some(Token::Or) => break,
                Some(Token::And) => {
                    self.next();
                    if !seen_any || self.ends_operand() {
                        return Err(QueryError::MissingOperand { operator: "AND" });
                    }
                }
                Some(_) => {
                    seen_any = true;
                    parts.extend(self.unary(depth)?);
                }
            }
        }
        Ok(combine(parts, Query::And))
    }

    fn unary(&mut self, depth: usize) -> Result<Option<Query>, QueryError> {
        match self.peek() {
            Some(Token::Not) => {
                self.next();
                if self.ends_operand() {
                    return Err(QueryError::MissingOperand { operator: "NOT" });
                }
                Ok(self.unary(depth)?.map(negate))
            }
            Some(Token::Minus) => {
                self.next();
                if self.ends_operand() || self.peek() == Some(&Token::Not) || self.peek() == Some(&Token::Minus) {
                    return Err(QueryError::MissingOperand { operator: "-" });
                }
                Ok(self.atom(depth)?.map(negate))
            }
            _ => self.atom(depth),
        }
    }

    fn atom(&mut self, depth: usize) -> Result<Option<Query>, QueryError> {
        match self.next() {
            Some(Token::Open) => {
                if depth >= MAX_DEPTH {
                    return Err(QueryError::TooDeep { max: MAX_DEPTH });
                }
                let inner = self.or(depth + 1)?;
                match self.next() {
                    Some(Token::Close) => Ok(inner),
                    _ => Err(QueryError::UnbalancedParenthesis),
                }
            }
            Some(Token::Word(text)) => {
                if !has_content(&text) {
                    return Ok(None);
                }
                Ok(Some(Query::Leaf(Leaf::Word { scope: Scope::Anywhere, text })))
            }
            Some(Token::Phrase(text)) => Ok(phrase(Scope::Anywhere, &text)),
            Some(Token::Field(name)) => self.field(name),
            Some(Token::Close) => Err(QueryError::UnbalancedParenthesis),
            // Operators are handled by the callers; reaching one here means it lacks an operand.
            Some(Token::And) => Err(QueryError::MissingOperand { operator: "AND" }),
            Some(Token::Or) => Err(QueryError::MissingOperand { operator: "OR" }),
            Some(Token::Not) | Some(Token::Minus) | None => Err(QueryError::MissingOperand { operator: "NOT" }),
        }
    }

    fn field(&mut self, name: String) -> Result<Option<Query>, QueryError> {
        let Some(field) = field_name(&name) else {
            return Err(QueryError::UnknownField { field: name });
        };
        let value = match self.peek() {
            Some(Token::Word(text)) => (text.clone(), false),
            Some(Token::Phrase(text)) => (text.clone(), true),
            // `AND`, `OR`, `NOT` right after a field are its value, as typed.
            Some(Token::And) => ("AND".to_string(), false),
            Some(Token::Or) => ("OR".to_string(), false),
            Some(Token::Not) => ("NOT".to_string(), false),
            _ => return Err(QueryError::MissingValue { field: name }),
        };
        self.next();
        let (text, quoted) = value;
        let scoped = |scope| {
            if quoted {
                phrase(scope, &text)
            } else {
                has_content(&text).then(|| Query::Leaf(Leaf::Word { scope, text: text.clone() }))
            }
        };
        let leaf = match field {
            FieldName::City => scoped(Scope::City),
            FieldName::Country => scoped(Scope::Country),
            FieldName::Theme => scoped(Scope::Theme),
            FieldName::Year => {
                let (from, to) = parse_years(text.trim()).ok_or(QueryError::BadYear { value: text.clone() })?;
                Some(Query::Leaf(Leaf::Year { from, to }))
            }
            FieldName::Sdg => {
                let number = text.trim().parse::<u8>().ok().filter(|n| (1..=17).contains(n));
                Some(Query::Leaf(Leaf::Sdg(number.ok_or(QueryError::BadSdg { value: text.clone() })?)))
            }
        };
        match leaf {
            Some(leaf) => Ok(Some(leaf)),
            None => Err(QueryError::MissingValue { field: name }),
        }
    }
}

fn phrase(scope: Scope, text: &str) -> Option<Query> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !has_content(text) {
        return None;
    }
    let text = words.join(" ");
    Some(Query::Leaf(if words.len() == 1 { Leaf::Word { scope, text } } else { Leaf::Phrase { scope, text } }))
}

fn negate(query: Query) -> Query {
    match query {
        Query::Not(inner) => *inner,
        other => Query::Not(Box::new(other)),
    }
}

/// One part stays itself; parts of the same kind are flattened; none is nothing.
fn combine(parts: Vec<Query>, make: fn(Vec<Query>) -> Query) -> Option<Query> {
    let and = matches!(make(Vec::new()), Query::And(_));
    let mut flat = Vec::with_capacity(parts.len());
    for part in parts {
        match part {
            Query::And(inner) if and => flat.extend(inner),
            Query::Or(inner) if !and => flat.extend(inner),
            other => flat.push(other),
        }
    }
    match flat.len() {
        0 => None,
        1 => flat.pop(),
        _ => Some(make(flat)),
    }
}

/// `2018`, `2018..2021` (or `2018-2021`), `..2020`, `2018..`.
fn parse_years(text: &str) -> Option<(u16, u16)> {
    let year = |s: &str| s.parse::<u16>().ok().filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y) && s.len() == 4);
    let (from, to) = match text.split_once("..").or_else(|| text.split_once('-')) {
        Some((from, to)) => (
            if from.is_empty() { Some(MIN_YEAR) } else { year(from) },
            if to.is_empty() { Some(MAX_YEAR) } else { year(to) },
        ),
        None => (year(text), year(text)),
    };
    let (from, to) = (from?, to?);
    (from <= to && !(text.starts_with("..") && text.ends_with(".."))).then_some((from, to))
}

/// Reads a query. `Ok(None)`: the text is blank (browse everything).
pub fn parse(text: &str) -> Result<Option<Query>, QueryError> {
    if text.chars().count() > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong { max: MAX_QUERY_CHARS });
    }
    if text.trim().is_empty() {
        return Ok(None);
    }
    let tokens = lex(text)?;
    let mut parser = Parser { tokens, at: 0 };
    let query = parser.or(0)?;
    if parser.at < parser.tokens.len() {
        // Only a stray closing parenthesis stops the top level early.
        return Err(QueryError::UnbalancedParenthesis);
    }
    let query = query.ok_or(QueryError::Empty)?;
    if query.leaf_count() > MAX_TERMS {
        return Err(QueryError::TooManyTerms { max: MAX_TERMS });
    }
    Ok(Some(query))
}

impl Query {
    pub fn leaf_count(&self) -> usize {
        match self {
            Query::Leaf(_) => 1,
            Query::And(parts) | Query::Or(parts) => parts.iter().map(Query::leaf_count).sum(),
            Query::Not(inner) => inner.leaf_count(),
        }
    }

    /// The leaves that make a document match (not under a NOT), for highlighting.
    pub fn positive_leaves(&self) -> Vec<&Leaf> {
        fn walk<'a>(query: &'a Query, negated: bool, out: &mut Vec<&'a Leaf>) {
            match query {
                Query::Leaf(leaf) if !negated => out.push(leaf),
                Query::Leaf(_) => {}
                Query::And(parts) | Query::Or(parts) => parts.iter().for_each(|p| walk(p, negated, out)),
                Query::Not(inner) => walk(inner, !negated, out),
            }
        }
        let mut out = Vec::new();
        walk(self, false, &mut out);
        out
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Scope::Anywhere => "",
            Scope::City => "city:",
            Scope::Country => "country:",
            Scope::Theme => "theme:",
        })
    }
}

/// The canonical spelling, which parses back to the same tree.
impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fn part(query: &Query, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match query {
                Query::And(_) | Query::Or(_) => write!(f, "({query})"),
                other => write!(f, "{other}"),
            }
        }
        match self {
            Query::Leaf(Leaf::Word { scope, text }) => write!(f, "{scope}{text}"),
            Query::Leaf(Leaf::Phrase { scope, text }) => write!(f, "{scope}\"{text}\""),
            Query::Leaf(Leaf::Year { from, to }) if from == to => write!(f, "year:{from}"),
            Query::Leaf(Leaf::Year { from, to }) => write!(f, "year:{from}..{to}"),
            Query::Leaf(Leaf::Sdg(n)) => write!(f, "sdg:{n}"),
            Query::Not(inner) => {
                f.write_str("NOT ")?;
                part(inner, f)
            }
            Query::And(parts) | Query::Or(parts) => {
                let operator = if matches!(self, Query::And(_)) { " AND " } else { " OR " };
                for (i, p) in parts.iter().enumerate() {
                    if i > 0 {
                        f.write_str(operator)?;
                    }
                    part(p, f)?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::UiLang;
    use proptest::prelude::*;

    fn word(text: &str) -> Query {
        Query::Leaf(Leaf::Word { scope: Scope::Anywhere, text: text.into() })
    }

    fn scoped(scope: Scope, text: &str) -> Query {
        Query::Leaf(Leaf::Word { scope, text: text.into() })
    }

    fn ok(text: &str) -> Query {
        parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}")).unwrap_or_else(|| panic!("{text:?} is blank"))
    }

    fn not(query: Query) -> Query {
        Query::Not(Box::new(query))
    }

    #[test]
    fn words_side_by_side_must_all_match() {
        assert_eq!(ok("water"), word("water"));
        assert_eq!(ok("  water   sanitation "), Query::And(vec![word("water"), word("sanitation")]));
        assert_eq!(ok("water AND sanitation"), ok("water sanitation"));
        assert_eq!(ok("water and sanitation"), Query::And(vec![word("water"), word("and"), word("sanitation")]));
        assert_eq!(ok("e-waste"), word("e-waste"), "a hyphen inside a word is part of it");
        assert_eq!(ok("垃圾分类"), word("垃圾分类"));
    }

    #[test]
    fn or_binds_looser_than_and() {
        assert_eq!(
            ok("bike OR bicycle lanes"),
            Query::Or(vec![word("bike"), Query::And(vec![word("bicycle"), word("lanes")])])
        );
        assert_eq!(
            ok("(bike OR bicycle) lanes"),
            Query::And(vec![Query::Or(vec![word("bike"), word("bicycle")]), word("lanes")])
        );
        assert_eq!(ok("a OR b OR c"), Query::Or(vec![word("a"), word("b"), word("c")]));
    }

    #[test]
    fn not_and_minus_exclude() {
        assert_eq!(ok("waste -plastic"), Query::And(vec![word("waste"), not(word("plastic"))]));
        assert_eq!(ok("waste NOT plastic"), ok("waste -plastic"));
        assert_eq!(ok("-\"food waste\" water").to_string(), "NOT \"food waste\" AND water");
        assert_eq!(ok("NOT NOT water"), word("water"));
        assert_eq!(ok("-(a OR b)"), not(Query::Or(vec![word("a"), word("b")])));
        assert_eq!(ok("+water"), word("water"));
        assert_eq!(ok("water - plastic"), Query::And(vec![word("water"), word("plastic")]), "a lone dash is dropped");
    }

    #[test]
    fn phrases_and_typographic_quotes() {
        assert_eq!(
            ok("\"participatory  budgeting\""),
            Query::Leaf(Leaf::Phrase { scope: Scope::Anywhere, text: "participatory budgeting".into() })
        );
        assert_eq!(ok("“participatory budgeting”"), ok("\"participatory budgeting\""));
        assert_eq!(ok("\"budgeting\""), word("budgeting"), "a one-word phrase is a word");
        assert_eq!(parse("\"\""), Err(QueryError::Empty));
    }

    #[test]
    fn fields_filter() {
        assert_eq!(ok("city:Bogotá"), scoped(Scope::City, "Bogotá"));
        assert_eq!(ok("city:\"New York\""), Query::Leaf(Leaf::Phrase { scope: Scope::City, text: "New York".into() }));
        assert_eq!(ok("country:CO"), scoped(Scope::Country, "CO"));
        assert_eq!(ok("COUNTRY:colombia"), scoped(Scope::Country, "colombia"));
        assert_eq!(ok("theme:climate"), scoped(Scope::Theme, "climate"));
        assert_eq!(ok("year:2018"), Query::Leaf(Leaf::Year { from: 2018, to: 2018 }));
        assert_eq!(ok("year:2018..2021"), Query::Leaf(Leaf::Year { from: 2018, to: 2021 }));
        assert_eq!(ok("year:2018-2021"), ok("year:2018..2021"));
        assert_eq!(ok("year:..2020"), Query::Leaf(Leaf::Year { from: MIN_YEAR, to: 2020 }));
        assert_eq!(ok("year:2020.."), Query::Leaf(Leaf::Year { from: 2020, to: MAX_YEAR }));
        assert_eq!(ok("sdg:5"), Query::Leaf(Leaf::Sdg(5)));
        assert_eq!(ok("sdg:05"), Query::Leaf(Leaf::Sdg(5)));
        assert_eq!(ok("城市：杭州"), scoped(Scope::City, "杭州"), "full-width colon and a Chinese field name");
        assert_eq!(
            ok("ville:Lyon pays:France"),
            Query::And(vec![scoped(Scope::City, "Lyon"), scoped(Scope::Country, "France")])
        );
        assert_eq!(ok("项目:垃圾"), word("项目:垃圾"), "a colon after other text in another script is part of a word");
        assert_eq!(ok("10:30"), word("10:30"));
    }

    #[test]
    fn bad_input_is_named() {
        assert_eq!(parse("\"unbalanced"), Err(QueryError::UnbalancedQuote));
        assert_eq!(parse("(a OR b"), Err(QueryError::UnbalancedParenthesis));
        assert_eq!(parse("a OR b)"), Err(QueryError::UnbalancedParenthesis));
        assert_eq!(parse(")"), Err(QueryError::UnbalancedParenthesis));
        assert_eq!(parse("foo:bar"), Err(QueryError::UnknownField { field: "foo".into() }));
        assert_eq!(parse("title:("), Err(QueryError::UnknownField { field: "title".into() }));
        assert_eq!(parse("city:"), Err(QueryError::MissingValue { field: "city".into() }));
        assert_eq!(parse("city: lyon"), Ok(Some(scoped(Scope::City, "lyon"))), "a space after the colon is forgiven");
        assert_eq!(parse("city:(a OR b)"), Err(QueryError::MissingValue { field: "city".into() }));
        assert_eq!(parse("city:\"\""), Err(QueryError::MissingValue { field: "city".into() }));
        assert_eq!(parse("year:soon"), Err(QueryError::BadYear { value: "soon".into() }));
        assert_eq!(parse("year:2021..2018"), Err(QueryError::BadYear { value: "2021..2018".into() }));
        assert_eq!(parse("year:.."), Err(QueryError::BadYear { value: "..".into() }));
        assert_eq!(parse("year:99999"), Err(QueryError::BadYear { value: "99999".into() }));
        assert_eq!(parse("sdg:18"), Err(QueryError::BadSdg { value: "18".into() }));
        assert_eq!(parse("sdg:0"), Err(QueryError::BadSdg { value: "0".into() }));
        assert_eq!(parse("a OR"), Err(QueryError::MissingOperand { operator: "OR" }));
        assert_eq!(parse("OR a"), Err(QueryError::MissingOperand { operator: "OR" }));
        assert_eq!(parse("AND a"), Err(QueryError::MissingOperand { operator: "AND" }));
        assert_eq!(parse("a AND"), Err(QueryError::MissingOperand { operator: "AND" }));
        assert_eq!(parse("NOT"), Err(QueryError::MissingOperand { operator: "NOT" }));
        assert_eq!(parse("()"), Err(QueryError::Empty));
        assert_eq!(parse("* !"), Err(QueryError::Empty));
        assert_eq!(parse("   "), Ok(None), "blank means everything");
        assert_eq!(parse(&"a".repeat(MAX_QUERY_CHARS + 1)), Err(QueryError::TooLong { max: MAX_QUERY_CHARS }));
        let many = (0..=MAX_TERMS).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(parse(&many), Err(QueryError::TooManyTerms { max: MAX_TERMS }));
        let deep = format!("{}a{}", "(".repeat(MAX_DEPTH + 1), ")".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep), Err(QueryError::TooDeep { max: MAX_DEPTH }));
        let fine = format!("{}a{}", "(".repeat(MAX_DEPTH), ")".repeat(MAX_DEPTH));
        assert_eq!(ok(&fine), word("a"));
    }

    #[test]
    fn every_error_has_a_message_in_every_language() {
        let errors = [
            QueryError::Empty,
            QueryError::TooLong { max: 500 },
            QueryError::TooManyTerms { max: 32 },
            QueryError::TooDeep { max: 5 },
            QueryError::UnbalancedQuote,
            QueryError::UnbalancedParenthesis,
            QueryError::UnknownField { field: "foo".into() },
            QueryError::MissingValue { field: "city".into() },
            QueryError::BadYear { value: "soon".into() },
            QueryError::BadSdg { value: "18".into() },
            QueryError::MissingOperand { operator: "OR" },
        ];
        for lang in [UiLang::En, UiLang::Zh, UiLang::Fr, UiLang::Es] {
            for error in &errors {
                let message = error.message(&Tr::new(lang));
                assert!(!message.is_empty() && !message.starts_with("search-"), "{lang:?} {error:?}: {message}");
            }
        }
        assert_eq!(
            QueryError::UnknownField { field: "foo".into() }.message(&Tr::new(UiLang::En)),
            "Unknown field “foo:”. Use city:, country:, year:, theme: or sdg:, or put the words in quotes."
        );
    }

    #[test]
    fn positive_leaves_skip_negated_parts() {
        let query = ok("water -plastic NOT (a -b)");
        let leaves: Vec<String> =
            query.positive_leaves().iter().map(|l| Query::Leaf((*l).clone()).to_string()).collect();
        assert_eq!(leaves, ["water", "b"]);
    }

    fn leaf_strategy() -> impl Strategy<Value = Query> {
        let text = "[a-zA-Z0-9éü垃圾分类广州]{1,8}"
            .prop_filter("not an operator", |t| !["AND", "OR", "NOT"].contains(&t.as_str()));
        let scope = prop_oneof![Just(Scope::Anywhere), Just(Scope::City), Just(Scope::Country), Just(Scope::Theme)];
        prop_oneof![
            (scope.clone(), text.clone()).prop_map(|(scope, text)| Query::Leaf(Leaf::Word { scope, text })),
            (scope, proptest::collection::vec(text, 2..4))
                .prop_map(|(scope, words)| Query::Leaf(Leaf::Phrase { scope, text: words.join(" ") })),
            (1000u16..=9999, 0u16..30)
                .prop_map(|(from, span)| Query::Leaf(Leaf::Year { from, to: from.saturating_add(span).min(MAX_YEAR) })),
            (1u8..=17).prop_map(|n| Query::Leaf(Leaf::Sdg(n))),
        ]
    }

    /// Trees as the parser builds them: flattened, at least two parts per AND/OR, no double NOT.
    fn query_strategy() -> impl Strategy<Value = Query> {
        leaf_strategy().prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 2..4).prop_map(|parts| combine(parts, Query::And).unwrap()),
                proptest::collection::vec(inner.clone(), 2..4).prop_map(|parts| combine(parts, Query::Or).unwrap()),
                inner.prop_map(negate),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]

        #[test]
        fn any_text_gives_a_tree_or_an_error_never_a_panic(text in "\\PC{0,80}") {
            if let Ok(Some(query)) = parse(&text) {
                prop_assert!(query.leaf_count() <= MAX_TERMS);
            }
        }

        #[test]
        fn syntax_soup_never_panics(parts in proptest::collection::vec(prop_oneof![
            Just("AND"), Just("OR"), Just("NOT"), Just("("), Just(")"), Just("\""), Just("-"), Just("+"),
            Just("city:"), Just("year:"), Just("sdg:"), Just("foo:"), Just("："), Just("“"), Just("2018..2020"),
            Just("water"), Just("垃圾"), Just(" "), Just(".."), Just("17"), Just("*"),
        ], 0..40)) {
            let text: String = parts.concat();
            match parse(&text) {
                Ok(Some(query)) => prop_assert!(query.leaf_count() <= MAX_TERMS),
                Ok(None) => prop_assert!(text.trim().is_empty()),
                Err(error) => prop_assert!(!error.message(&Tr::new(UiLang::Fr)).is_empty()),
            }
        }

        #[test]
        fn the_canonical_spelling_parses_back_to_the_same_tree(query in query_strategy()) {
            prop_assume!(query.leaf_count() <= MAX_TERMS);
            let text = query.to_string();
            prop_assert_eq!(parse(&text), Ok(Some(query)), "{}", text);
        }
    }
}
