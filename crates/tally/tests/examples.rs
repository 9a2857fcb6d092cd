//! Textbook elections, from a PrefLib file to the printed ranking.

use kapok_tally::{Method, format_ranking, parse_preflib, tally};

fn ranking(method: Method, file: &str) -> String {
    let profile = parse_preflib(file).unwrap();
    format_ranking(&profile, &tally(method, &profile))
}

/// https://en.wikipedia.org/wiki/Schulze_method#Example
const WIKIPEDIA_SCHULZE: &str = "# FILE NAME: schulze-example.soc
# TITLE: Wikipedia's example of the Schulze method
# DATA TYPE: soc
# NUMBER ALTERNATIVES: 5
# NUMBER VOTERS: 45
# NUMBER UNIQUE ORDERS: 8
# ALTERNATIVE NAME 1: A
# ALTERNATIVE NAME 2: B
# ALTERNATIVE NAME 3: C
# ALTERNATIVE NAME 4: D
# ALTERNATIVE NAME 5: E
5: 1,3,2,5,4
5: 1,4,5,3,2
8: 2,5,4,1,3
3: 3,1,2,5,4
7: 3,1,5,2,4
2: 3,2,1,4,5
7: 4,3,5,2,1
8: 5,2,1,4,3
";

/// https://en.wikipedia.org/wiki/Instant-runoff_voting (Tennessee's capital, in percent).
const TENNESSEE: &str = "# DATA TYPE: soc
# NUMBER ALTERNATIVES: 4
# NUMBER VOTERS: 100
# ALTERNATIVE NAME 1: Memphis
# ALTERNATIVE NAME 2: Nashville
# ALTERNATIVE NAME 3: Chattanooga
# ALTERNATIVE NAME 4: Knoxville
42: 1,2,3,4
26: 2,3,4,1
15: 3,4,2,1
17: 4,3,2,1
";

#[test]
fn schulze_elects_e_then_a_c_b_d() {
    assert_eq!(ranking(Method::Schulze, WIKIPEDIA_SCHULZE), "1. E\n2. A\n3. C\n4. B\n5. D\n");
}

#[test]
fn tennessee_picks_nashville_by_schulze_and_borda_and_knoxville_by_instant_runoff() {
    assert_eq!(ranking(Method::Schulze, TENNESSEE), "1. Nashville\n2. Chattanooga\n3. Knoxville\n4. Memphis\n");
    // Borda: Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107.
    assert_eq!(ranking(Method::Borda, TENNESSEE), "1. Nashville\n2. Chattanooga\n3. Memphis\n4. Knoxville\n");
    assert_eq!(ranking(Method::InstantRunoff, TENNESSEE), "1. Knoxville\n2. Memphis\n3. Nashville\n4. Chattanooga\n");
}

#[test]
fn a_three_way_cycle_ties_and_prints_shared_places() {
    let file = "# DATA TYPE: soc
# NUMBER ALTERNATIVES: 3
# ALTERNATIVE NAME 1: Rock
# ALTERNATIVE NAME 2: Paper
# ALTERNATIVE NAME 3: Scissors
1: 1,3,2
1: 2,1,3
1: 3,2,1
";
    for method in Method::ALL {
        assert_eq!(ranking(method, file), "1. Rock\n1. Paper\n1. Scissors\n", "{method}");
    }
}
