//! PrefLib's files of ordinal preferences: soc, soi, toc and toi (<https://www.preflib.org/format>).
//!
//! A file starts with a header of `# FIELD: value` lines, then has one line per distinct ballot,
//! `count: 3,1,{2,4},5`: the number of voters, then the alternatives by their numbers from 1, best
//! first, tie groups in braces. The reader needs `DATA TYPE`, `NUMBER ALTERNATIVES` and an
//! `ALTERNATIVE NAME n` for every alternative; it checks `NUMBER VOTERS` and `NUMBER UNIQUE ORDERS`
//! when present, and ignores the other fields.

use std::fmt::{self, Write};

use crate::profile::{MAX_ALTERNATIVES, Profile, ProfileError, tie_groups};

/// PrefLib's four kinds of ordinal data: strict or with ties, complete or incomplete orders.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataType {
    /// Strict orders, complete.
    Soc,
    /// Strict orders, incomplete.
    Soi,
    /// Orders with ties, complete.
    Toc,
    /// Orders with ties, incomplete.
    Toi,
}

impl DataType {
    const ALL: [DataType; 4] = [DataType::Soc, DataType::Soi, DataType::Toc, DataType::Toi];

    /// The name in a file's `DATA TYPE` field and extension.
    pub fn name(self) -> &'static str {
        match self {
            DataType::Soc => "soc",
            DataType::Soi => "soi",
            DataType::Toc => "toc",
            DataType::Toi => "toi",
        }
    }

    fn allows_ties(self) -> bool {
        matches!(self, DataType::Toc | DataType::Toi)
    }

    fn requires_complete_orders(self) -> bool {
        matches!(self, DataType::Soc | DataType::Toc)
    }

    /// The narrowest type that holds every ballot of the profile.
    pub fn of(profile: &Profile) -> DataType {
        let has_ties = profile.ballots().any(|ballot| tie_groups(ballot.entries()).any(|group| group.len() > 1));
        let complete = profile.ballots().all(|ballot| ballot.ranked_count() == profile.alternative_count());
        match (has_ties, complete) {
            (false, true) => DataType::Soc,
            (false, false) => DataType::Soi,
            (true, true) => DataType::Toc,
            (true, false) => DataType::Toi,
        }
    }
}

impl fmt::Display for DataType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a PrefLib file was refused, and on which line (counting from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreflibError {
    pub line: usize,
    pub problem: PreflibProblem,
}

impl fmt::Display for PreflibError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

impl std::error::Error for PreflibError {}

/// What is wrong in a PrefLib file. Alternative numbers are the file's, counting from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreflibProblem {
    /// The ballots start (or the file ends) before this header field.
    MissingHeader(&'static str),
    RepeatedHeader(String),
    HeaderAfterBallots,
    UnsupportedDataType(String),
    BadNumber {
        field: &'static str,
        value: String,
    },
    TooManyAlternatives(usize),
    /// `NUMBER ALTERNATIVES` counts this alternative, but no `ALTERNATIVE NAME` names it.
    MissingAlternativeName(usize),
    /// An `ALTERNATIVE NAME` for a number beyond `NUMBER ALTERNATIVES`.
    AlternativeNameOutOfRange {
        number: usize,
        count: usize,
    },
    /// A ballot line without the `count:` in front.
    MissingCount,
    BadCount(String),
    UnknownAlternative {
        number: String,
        count: usize,
    },
    DuplicateAlternative(usize),
    UnbalancedBraces,
    EmptyTieGroup,
    Unexpected {
        found: String,
        expected: &'static str,
    },
    TieNotAllowed(DataType),
    IncompleteOrder {
        data_type: DataType,
        ranked: usize,
        count: usize,
    },
    VoterCountMismatch {
        declared: u64,
        counted: u64,
    },
    UniqueOrderCountMismatch {
        declared: usize,
        counted: usize,
    },
    TooManyVoters,
}

impl fmt::Display for PreflibProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PreflibProblem::MissingHeader(field) => write!(f, "the header has no {field} line"),
            PreflibProblem::RepeatedHeader(field) => write!(f, "{field} is given twice"),
            PreflibProblem::HeaderAfterBallots => f.write_str("header line after the ballots"),
            PreflibProblem::UnsupportedDataType(value) => {
                write!(f, "unsupported DATA TYPE '{value}' (expected soc, soi, toc or toi)")
            }
            PreflibProblem::BadNumber { field, value } => write!(f, "{field} '{value}' is not a number"),
            PreflibProblem::TooManyAlternatives(count) => {
                write!(f, "{count} alternatives are more than the {MAX_ALTERNATIVES} supported")
            }
            PreflibProblem::MissingAlternativeName(number) => {
                write!(f, "NUMBER ALTERNATIVES counts alternative {number}, but no ALTERNATIVE NAME names it")
            }
            PreflibProblem::AlternativeNameOutOfRange { number, count } => {
                write!(f, "ALTERNATIVE NAME {number} is beyond NUMBER ALTERNATIVES ({count})")
            }
            PreflibProblem::MissingCount => f.write_str("expected 'count: ballot', found no ':'"),
            PreflibProblem::BadCount(count) => write!(f, "count '{count}' is not a positive whole number"),
            PreflibProblem::UnknownAlternative { number, count } => {
                write!(f, "alternative {number} is not one of the {count} in the header")
            }
            PreflibProblem::DuplicateAlternative(number) => write!(f, "alternative {number} appears twice"),
            PreflibProblem::UnbalancedBraces => f.write_str("unbalanced braces"),
            PreflibProblem::EmptyTieGroup => f.write_str("empty tie group '{}'"),
            PreflibProblem::Unexpected { found, expected } => write!(f, "expected {expected}, found {found}"),
            PreflibProblem::TieNotAllowed(data_type) => write!(f, "a {data_type} file cannot have ties"),
            PreflibProblem::IncompleteOrder { data_type, ranked, count } => {
                write!(
                    f,
                    "a {data_type} file needs complete orders, but this one ranks {ranked} of {count} alternatives"
                )
            }
            PreflibProblem::VoterCountMismatch { declared, counted } => {
                write!(f, "NUMBER VOTERS is {declared}, but the counts add up to {counted}")
            }
            PreflibProblem::UniqueOrderCountMismatch { declared, counted } => {
                write!(f, "NUMBER UNIQUE ORDERS is {declared}, but there are {counted} ballot lines")
            }
            PreflibProblem::TooManyVoters => write!(f, "the counts add up to more than {}", u64::MAX),
        }
    }
}

fn error(line: usize, problem: PreflibProblem) -> PreflibError {
    PreflibError { line, problem }
}

/// Reads a soc, soi, toc or toi file. Lines with the same order add up; the profile keeps them as
/// separate ballots, in the file's order.
pub fn parse_preflib(text: &str) -> Result<Profile, PreflibError> {
    let mut header = Header::default();
    let mut ballots: Option<BallotReader> = None;
    let mut line_count = 0;
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        line_count = line_number;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match (line.strip_prefix('#'), &mut ballots) {
            (Some(_), Some(_)) => return Err(error(line_number, PreflibProblem::HeaderAfterBallots)),
            (Some(field), None) => header.read(line_number, field).map_err(|problem| error(line_number, problem))?,
            (None, Some(reader)) => reader.read(line_number, line)?,
            (None, None) => ballots.insert(header.finish(line_number)?).read(line_number, line)?,
        }
    }
    match ballots {
        Some(reader) => reader.finish(),
        None => header.finish(line_count + 1)?.finish(),
    }
}

/// A header field's value and the line it came from.
#[derive(Clone, Copy, Debug)]
struct Field<T> {
    line: usize,
    value: T,
}

#[derive(Default)]
struct Header {
    data_type: Option<Field<DataType>>,
    alternative_count: Option<Field<usize>>,
    voter_count: Option<Field<u64>>,
    unique_order_count: Option<Field<usize>>,
    /// `(line, number, name)` in the order given.
    names: Vec<(usize, usize, String)>,
}

impl Header {
    /// Reads one header line, without its `#`.
    fn read(&mut self, line: usize, field: &str) -> Result<(), PreflibProblem> {
        // Lines without a colon are comments, and unknown fields are metadata the tally needs not.
        let Some((key, value)) = field.split_once(':') else { return Ok(()) };
        let (key, value) = (key.trim(), value.trim());
        match key {
            "DATA TYPE" => {
                let data_type = DataType::ALL
                    .into_iter()
                    .find(|data_type| data_type.name() == value)
                    .ok_or_else(|| PreflibProblem::UnsupportedDataType(value.to_owned()))?;
                set_once(&mut self.data_type, key, Field { line, value: data_type })
            }
            "NUMBER ALTERNATIVES" => {
                let count = parse_number("NUMBER ALTERNATIVES", value)?;
                if count > MAX_ALTERNATIVES {
                    return Err(PreflibProblem::TooManyAlternatives(count));
                }
                set_once(&mut self.alternative_count, key, Field { line, value: count })
            }
            "NUMBER VOTERS" => {
                let count = parse_number("NUMBER VOTERS", value)?;
                set_once(&mut self.voter_count, key, Field { line, value: count })
            }
            "NUMBER UNIQUE ORDERS" => {
                let count = parse_number("NUMBER UNIQUE ORDERS", value)?;
                set_once(&mut self.unique_order_count, key, Field { line, value: count })
            }
            _ => {
                if let Some(number) = key.strip_prefix("ALTERNATIVE NAME ") {
                    let number = parse_number("ALTERNATIVE NAME", number)?;
                    if self.names.iter().any(|&(_, named, _)| named == number) {
                        return Err(PreflibProblem::RepeatedHeader(key.to_owned()));
                    }
                    self.names.push((line, number, value.to_owned()));
                }
                Ok(())
            }
        }
    }

    /// Checks the header when the ballots start on `line` (or the file ends before it), and makes
    /// the empty profile they go into.
    fn finish(&mut self, line: usize) -> Result<BallotReader, PreflibError> {
        let data_type = self.data_type.ok_or(error(line, PreflibProblem::MissingHeader("DATA TYPE")))?;
        let count = self.alternative_count.ok_or(error(line, PreflibProblem::MissingHeader("NUMBER ALTERNATIVES")))?;
        let mut names = vec![None; count.value];
        for (name_line, number, name) in self.names.drain(..) {
            let slot = number
                .checked_sub(1)
                .and_then(|index| names.get_mut(index))
                .ok_or(error(name_line, PreflibProblem::AlternativeNameOutOfRange { number, count: count.value }))?;
            *slot = Some(name);
        }
        let names = names
            .into_iter()
            .enumerate()
            .map(|(index, name)| name.ok_or(error(count.line, PreflibProblem::MissingAlternativeName(index + 1))))
            .collect::<Result<Vec<String>, PreflibError>>()?;
        Ok(BallotReader {
            profile: Profile::new(names).expect("NUMBER ALTERNATIVES is checked against MAX_ALTERNATIVES"),
            data_type: data_type.value,
            voter_count: self.voter_count,
            unique_order_count: self.unique_order_count,
            line_count: 0,
            alternatives: Vec::new(),
            group_ends: Vec::new(),
        })
    }
}

fn set_once<T>(slot: &mut Option<T>, key: &str, value: T) -> Result<(), PreflibProblem> {
    match slot.replace(value) {
        Some(_) => Err(PreflibProblem::RepeatedHeader(key.to_owned())),
        None => Ok(()),
    }
}

fn parse_number<T: std::str::FromStr>(field: &'static str, value: &str) -> Result<T, PreflibProblem> {
    value.parse().map_err(|_| PreflibProblem::BadNumber { field, value: value.to_owned() })
}

/// Reads the ballot lines into the profile.
struct BallotReader {
    profile: Profile,
    data_type: DataType,
    voter_count: Option<Field<u64>>,
    unique_order_count: Option<Field<usize>>,
    line_count: usize,
    /// The current line's alternatives (numbered from 0), reused from line to line.
    alternatives: Vec<usize>,
    /// Where each of the current line's tie groups ends in `alternatives`.
    group_ends: Vec<usize>,
}

impl BallotReader {
    fn read(&mut self, line_number: usize, line: &str) -> Result<(), PreflibError> {
        self.read_line(line).map_err(|problem| error(line_number, problem))?;
        self.line_count += 1;
        Ok(())
    }

    fn read_line(&mut self, line: &str) -> Result<(), PreflibProblem> {
        let (count, order) = line.split_once(':').ok_or(PreflibProblem::MissingCount)?;
        let count = count.trim();
        let weight = count.parse::<u64>().ok().filter(|&weight| weight > 0);
        let weight = weight.ok_or_else(|| PreflibProblem::BadCount(count.to_owned()))?;
        self.read_order(order)?;
        let starts = std::iter::once(0).chain(self.group_ends.iter().copied());
        let groups = starts.zip(&self.group_ends).map(|(start, &end)| self.alternatives[start..end].iter().copied());
        if !self.data_type.allows_ties() && groups.clone().any(|group| group.len() > 1) {
            return Err(PreflibProblem::TieNotAllowed(self.data_type));
        }
        self.profile.add_ballot(weight, groups).map_err(|profile_error| match profile_error {
            ProfileError::DuplicateAlternative { alternative } => PreflibProblem::DuplicateAlternative(alternative + 1),
            ProfileError::TooManyVoters => PreflibProblem::TooManyVoters,
            other => unreachable!("read_order checks numbers and groups, yet: {other}"),
        })?;
        let count = self.profile.alternative_count();
        if self.data_type.requires_complete_orders() && self.alternatives.len() != count {
            let (data_type, ranked) = (self.data_type, self.alternatives.len());
            return Err(PreflibProblem::IncompleteOrder { data_type, ranked, count });
        }
        Ok(())
    }

    /// Reads an order such as `3,1,{2,4},5` into `alternatives` and `group_ends`.
    fn read_order(&mut self, order: &str) -> Result<(), PreflibProblem> {
        self.alternatives.clear();
        self.group_ends.clear();
        let bytes = order.as_bytes();
        let mut position = 0;
        let mut in_braces = false;
        let mut expecting_alternative = true;
        loop {
            while bytes.get(position).is_some_and(u8::is_ascii_whitespace) {
                position += 1;
            }
            let Some(&byte) = bytes.get(position) else { break };
            let group_start = self.group_ends.last().copied().unwrap_or(0);
            match (byte, expecting_alternative) {
                (b'0'..=b'9', true) => {
                    let digits_end = bytes[position..]
                        .iter()
                        .position(|byte| !byte.is_ascii_digit())
                        .map_or(bytes.len(), |length| position + length);
                    self.alternatives.push(self.alternative(&order[position..digits_end])?);
                    if !in_braces {
                        self.group_ends.push(self.alternatives.len());
                    }
                    position = digits_end;
                    expecting_alternative = false;
                    continue;
                }
                (b'{', true) if !in_braces => in_braces = true,
                (b'}', true) if in_braces && self.alternatives.len() == group_start => {
                    return Err(PreflibProblem::EmptyTieGroup);
                }
                (b',', false) => expecting_alternative = true,
                (b'}', false) if in_braces => {
                    in_braces = false;
                    self.group_ends.push(self.alternatives.len());
                }
                (b'{' | b'}', _) => return Err(PreflibProblem::UnbalancedBraces),
                (_, expecting_alternative) => {
                    let found = order[position..].chars().next().map_or(String::new(), |found| format!("'{found}'"));
                    let expected = match (expecting_alternative, in_braces) {
                        (true, _) => "an alternative number",
                        (false, true) => "',' or '}'",
                        (false, false) => "','",
                    };
                    return Err(PreflibProblem::Unexpected { found, expected });
                }
            }
            position += 1;
        }
        if in_braces {
            return Err(PreflibProblem::UnbalancedBraces);
        }
        if expecting_alternative && !self.alternatives.is_empty() {
            return Err(PreflibProblem::Unexpected {
                found: "the end of the line".into(),
                expected: "an alternative number",
            });
        }
        Ok(())
    }

    /// The alternative a file's number stands for, numbered from 0.
    fn alternative(&self, digits: &str) -> Result<usize, PreflibProblem> {
        let count = self.profile.alternative_count();
        match digits.parse::<usize>() {
            Ok(number) if (1..=count).contains(&number) => Ok(number - 1),
            _ => Err(PreflibProblem::UnknownAlternative { number: digits.to_owned(), count }),
        }
    }

    /// Checks the header's totals against the ballots read.
    fn finish(self) -> Result<Profile, PreflibError> {
        if let Some(Field { line, value: declared }) = self.voter_count {
            let counted = self.profile.total_weight();
            if declared != counted {
                return Err(error(line, PreflibProblem::VoterCountMismatch { declared, counted }));
            }
        }
        if let Some(Field { line, value: declared }) = self.unique_order_count {
            if declared != self.line_count {
                let counted = self.line_count;
                return Err(error(line, PreflibProblem::UniqueOrderCountMismatch { declared, counted }));
            }
        }
        Ok(self.profile)
    }
}

/// Writes the profile as a PrefLib file of the narrowest [`DataType`] that holds it, one line per
/// ballot of the profile (so a profile with repeated ballots repeats orders, which PrefLib's own
/// files do not). Line breaks in names become spaces, as a name must fit on its header line.
pub fn write_preflib(profile: &Profile) -> String {
    let mut text = String::new();
    write_profile(&mut text, profile).expect("writing to a String cannot fail");
    text
}

fn write_profile(text: &mut String, profile: &Profile) -> fmt::Result {
    writeln!(text, "# DATA TYPE: {}", DataType::of(profile))?;
    writeln!(text, "# NUMBER ALTERNATIVES: {}", profile.alternative_count())?;
    writeln!(text, "# NUMBER VOTERS: {}", profile.total_weight())?;
    writeln!(text, "# NUMBER UNIQUE ORDERS: {}", profile.ballot_count())?;
    for (index, name) in profile.names().iter().enumerate() {
        writeln!(text, "# ALTERNATIVE NAME {}: {}", index + 1, name.replace(['\r', '\n'], " "))?;
    }
    for ballot in profile.ballots() {
        write!(text, "{}:", ballot.weight())?;
        for (index, group) in tie_groups(ballot.entries()).enumerate() {
            let separator = if index == 0 { " " } else { "," };
            match group {
                [single] => write!(text, "{separator}{}", single.alternative() + 1)?,
                _ => {
                    write!(text, "{separator}{{")?;
                    for (index, entry) in group.iter().enumerate() {
                        let separator = if index == 0 { "" } else { "," };
                        write!(text, "{separator}{}", entry.alternative() + 1)?;
                    }
                    text.push('}');
                }
            }
        }
        text.push('\n');
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "# FILE NAME: 00001-00000001.toi
# DATA TYPE: toi
# NUMBER ALTERNATIVES: 4
# NUMBER VOTERS: 6
# NUMBER UNIQUE ORDERS: 3
# ALTERNATIVE NAME 1: Bilbao
# ALTERNATIVE NAME 2: Curitiba
# ALTERNATIVE NAME 3: Medellín
# ALTERNATIVE NAME 4: Seoul
";

    fn problem_at(text: &str) -> (usize, String) {
        let error = parse_preflib(text).unwrap_err();
        (error.line, error.problem.to_string())
    }

    #[test]
    fn reads_ties_partial_orders_and_names() {
        let profile = parse_preflib(&format!("{HEADER}3: 3,1,{{2,4}}\n2: 4\n1:\n")).unwrap();
        assert_eq!(profile.names(), ["Bilbao", "Curitiba", "Medellín", "Seoul"]);
        let ballots: Vec<_> = profile.ballots().map(|ballot| (ballot.weight(), ballot.groups())).collect();
        assert_eq!(ballots, [(3, vec![vec![2], vec![0], vec![1, 3]]), (2, vec![vec![3]]), (1, vec![])]);
    }

    #[test]
    fn writes_what_it_reads() {
        let text =
            format!("# DATA TYPE: toi\n{}3: 3,1,{{2,4}}\n2: 4\n1:\n", &HEADER[HEADER.find("# NUMBER").unwrap()..]);
        assert_eq!(write_preflib(&parse_preflib(&text).unwrap()), text);
    }

    #[test]
    fn tolerates_spaces_and_crlf() {
        let text = format!("{HEADER}3 :  3 , 1 , {{ 2 , 4 }}\n2: {{4}}\n1: \n").replace('\n', "\r\n");
        let profile = parse_preflib(&text).unwrap();
        assert_eq!(profile.ballots().next().unwrap().groups(), [vec![2], vec![0], vec![1, 3]]);
    }

    #[test]
    fn names_the_line_of_each_ballot_problem() {
        let cases = [
            ("3: 3,1,{2,5}", "alternative 5 is not one of the 4 in the header"),
            ("3: 3,1,{2,0}", "alternative 0 is not one of the 4 in the header"),
            ("3: 3,1,{2,3}", "alternative 3 appears twice"),
            ("x: 3,1", "count 'x' is not a positive whole number"),
            ("0: 3,1", "count '0' is not a positive whole number"),
            ("3 3,1", "expected 'count: ballot', found no ':'"),
            ("3: 3,1,{2,4", "unbalanced braces"),
            ("3: 3,1,2,4}", "unbalanced braces"),
            ("3: {3,{1}}", "unbalanced braces"),
            ("3: 3,{},1", "empty tie group '{}'"),
            ("3: 3,,1", "expected an alternative number, found ','"),
            ("3: 3,1,", "expected an alternative number, found the end of the line"),
            ("3: 3 1", "expected ',', found '1'"),
            ("3: {3 1}", "expected ',' or '}', found '1'"),
            ("3: 3;1", "expected ',', found ';'"),
        ];
        for (line, message) in cases {
            let text = format!("{HEADER}1: 1\n{line}\n2: 4\n");
            assert_eq!(problem_at(&text), (11, message.to_owned()), "{line}");
        }
    }

    #[test]
    fn checks_complete_and_strict_data_types() {
        let header = |data_type: &str| HEADER.replace("toi", data_type);
        assert_eq!(
            problem_at(&format!("{}4: 1,2,3,4\n2: 4,1\n", header("soc"))),
            (11, "a soc file needs complete orders, but this one ranks 2 of 4 alternatives".to_owned())
        );
        assert_eq!(problem_at(&format!("{}6: 1,{{2,3}}\n", header("soi"))), (10, "a soi file cannot have ties".into()));
        assert!(parse_preflib(&format!("{}3: 1,{{2,3,4}}\n2: 4,3,2,1\n1: {{1,2,3,4}}\n", header("toc"))).is_ok());
    }

    #[test]
    fn checks_the_header() {
        assert_eq!(problem_at("# DATA TYPE: soc\n1: 1\n"), (2, "the header has no NUMBER ALTERNATIVES line".into()));
        assert_eq!(problem_at(""), (1, "the header has no DATA TYPE line".into()));
        assert_eq!(
            problem_at(&HEADER.replace("toi", "wmd")),
            (2, "unsupported DATA TYPE 'wmd' (expected soc, soi, toc or toi)".into())
        );
        assert_eq!(
            problem_at(&HEADER.replace("# ALTERNATIVE NAME 3: Medellín\n", "")),
            (3, "NUMBER ALTERNATIVES counts alternative 3, but no ALTERNATIVE NAME names it".into())
        );
        assert_eq!(
            problem_at(&format!("{HEADER}# ALTERNATIVE NAME 5: Quito\n")),
            (10, "ALTERNATIVE NAME 5 is beyond NUMBER ALTERNATIVES (4)".into())
        );
        assert_eq!(
            problem_at(&format!("{HEADER}# ALTERNATIVE NAME 2: Quito\n")),
            (10, "ALTERNATIVE NAME 2 is given twice".into())
        );
        assert_eq!(
            problem_at(&HEADER.replace("VOTERS: 6", "VOTERS: six")),
            (4, "NUMBER VOTERS 'six' is not a number".into())
        );
        assert_eq!(problem_at(&format!("{HEADER}6: 1\n# TITLE: late\n")), (11, "header line after the ballots".into()));
    }

    #[test]
    fn checks_voter_and_order_totals() {
        assert_eq!(
            problem_at(&format!("{HEADER}5: 1\n")),
            (4, "NUMBER VOTERS is 6, but the counts add up to 5".into())
        );
        assert_eq!(
            problem_at(&format!("{HEADER}3: 1\n3: 2\n")),
            (5, "NUMBER UNIQUE ORDERS is 3, but there are 2 ballot lines".into())
        );
        assert_eq!(
            problem_at(&format!("{}18446744073709551615: 1\n1: 2\n", HEADER.replace("# NUMBER VOTERS: 6\n", ""))),
            (10, format!("the counts add up to more than {}", u64::MAX))
        );
    }

    #[test]
    fn writes_the_narrowest_data_type() {
        let mut profile = Profile::new(vec!["A".into(), "B\nC".into()]).unwrap();
        profile.add_ballot(2, [[1], [0]]).unwrap();
        assert!(write_preflib(&profile).starts_with("# DATA TYPE: soc\n"));
        assert!(write_preflib(&profile).contains("# ALTERNATIVE NAME 2: B C\n"));
        profile.add_ballot(1, [[1]]).unwrap();
        assert!(write_preflib(&profile).starts_with("# DATA TYPE: soi\n"));
        profile.add_ballot(1, [vec![0, 1]]).unwrap();
        assert!(write_preflib(&profile).starts_with("# DATA TYPE: toi\n"));
    }
}
