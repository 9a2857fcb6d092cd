use proptest::prelude::*;

use super::*;

fn settings(shape: BallotShape, choices: usize, frequency: Frequency) -> VoteSettings {
    VoteSettings {
        opens_at: 1_000,
        closes_at: 2_000,
        candidates: Vec::new(),
        shape,
        choices,
        frequency,
        per_day: 3,
        verification: Verification::Email,
        tallies_visible: false,
    }
}

fn ids(list: &[i64]) -> Vec<EntryId> {
    list.iter().map(|i| EntryId(*i)).collect()
}

#[test]
fn the_window_opens_at_its_start_and_closes_at_its_end() {
    let s = settings(BallotShape::Exactly, 1, Frequency::OncePerWindow);
    assert_eq!(s.phase(999), Phase::NotOpen);
    assert_eq!(s.phase(1_000), Phase::Open);
    assert_eq!(s.phase(1_999), Phase::Open);
    assert_eq!(s.phase(2_000), Phase::Closed);
}

#[test]
fn inconsistent_settings_are_refused() {
    let mut s = settings(BallotShape::Exactly, 1, Frequency::PerDay);
    assert_eq!(s.check(), Ok(()));
    s.closes_at = s.opens_at;
    assert_eq!(s.check(), Err(SettingsError::WindowEmpty));
    s.closes_at = 5_000;
    s.choices = 0;
    assert_eq!(s.check(), Err(SettingsError::Choices));
    s.choices = 2;
    s.per_day = 0;
    assert_eq!(s.check(), Err(SettingsError::PerDay));
}

#[test]
fn ballots_follow_the_shape() {
    let candidates = ids(&[1, 2, 3, 4]);
    let exactly = settings(BallotShape::Exactly, 2, Frequency::OncePerWindow);
    assert_eq!(exactly.check_ballot(&candidates, &ids(&[3, 1])), Ok(ids(&[1, 3])));
    assert_eq!(exactly.check_ballot(&candidates, &ids(&[3])), Err(BallotError::WrongCount { wanted: 2 }));
    assert_eq!(exactly.check_ballot(&candidates, &ids(&[3, 3])), Err(BallotError::Repeated));
    assert_eq!(exactly.check_ballot(&candidates, &ids(&[3, 9])), Err(BallotError::NotACandidate));
    let up_to = settings(BallotShape::UpTo, 2, Frequency::OncePerWindow);
    assert_eq!(up_to.check_ballot(&candidates, &ids(&[4])), Ok(ids(&[4])));
    assert_eq!(up_to.check_ballot(&candidates, &[]), Err(BallotError::Empty));
    assert_eq!(up_to.check_ballot(&candidates, &ids(&[1, 2, 3])), Err(BallotError::TooMany { wanted: 2 }));
    // Asking for more than there are candidates asks for all of them.
    let greedy = settings(BallotShape::Exactly, 9, Frequency::OncePerWindow);
    assert_eq!(greedy.check_ballot(&candidates, &ids(&[1, 2, 3, 4])), Ok(ids(&[1, 2, 3, 4])));
}

#[test]
fn periods_are_local_dates_of_the_edition() {
    let shanghai = TimeZone::get("Asia/Shanghai").unwrap();
    let daily = settings(BallotShape::Exactly, 1, Frequency::OncePerDay);
    // 2018-11-20 15:59:59 UTC is 23:59:59 in Shanghai; one second later it is the next day there.
    let before = 1_542_729_599;
    assert_eq!(daily.period(before, &shanghai), "2018-11-20");
    assert_eq!(daily.period(before + 1, &shanghai), "2018-11-21");
    assert_eq!(settings(BallotShape::Exactly, 1, Frequency::OncePerWindow).period(before, &shanghai), "window");
    assert_eq!(daily.max_per_period(), 1);
    assert_eq!(settings(BallotShape::Exactly, 1, Frequency::PerDay).max_per_period(), 3);
}

#[test]
fn identities_are_normalised() {
    assert_eq!(normalise_identity(Verification::Email, " Anna@Mail.Example ").unwrap(), "anna@mail.example");
    for bad in ["anna", "@mail.example", "anna@mail", "an na@mail.example", "anna@.example", "anna@mail.example."] {
        assert_eq!(normalise_identity(Verification::Email, bad), Err(IdentityError::Email), "{bad}");
    }
    assert_eq!(normalise_identity(Verification::Phone, "+86 (20) 8888-1234").unwrap(), "+862088881234");
    for bad in ["862088881234", "+86 20 abc", "+1234"] {
        assert_eq!(normalise_identity(Verification::Phone, bad), Err(IdentityError::Phone), "{bad}");
    }
}

#[test]
fn disposable_domains_and_their_subdomains_are_recognised() {
    let list = vec!["mailinator.com".to_string(), " Temp.Example ".to_string()];
    assert!(is_disposable("x@mailinator.com", &list));
    assert!(is_disposable("x@eu.mailinator.com", &list));
    assert!(is_disposable("x@temp.example", &list));
    assert!(!is_disposable("x@notmailinator.com", &list));
    assert!(!is_disposable("x@gmail.com", &list));
}

#[test]
fn subnets_group_neighbouring_addresses() {
    assert_eq!(subnet_of("203.0.113.77".parse().unwrap()), "203.0.113.0/24");
    assert_eq!(subnet_of("2001:db8:1:2::5".parse().unwrap()), "2001:db8:1::/48");
}

#[test]
fn the_digest_is_the_hash_of_the_published_list() {
    let ballots = vec![PublishedBallot::new("R2", ids(&[2])), PublishedBallot::new("R1", ids(&[1, 3]))];
    let (digest, body) = ballots_digest(&ballots);
    assert_eq!(body.lines().count(), 2);
    assert!(body.lines().all(|l| l.len() > 64 && l.as_bytes()[64] == b','));
    assert_eq!(digest, crate::hex(&Sha256::digest(body.as_bytes())));
    // Order of counting does not matter; any change to a ballot does.
    let reversed: Vec<PublishedBallot> = ballots.iter().rev().cloned().collect();
    assert_eq!(ballots_digest(&reversed).0, digest);
    let changed = vec![ballots[0].clone(), PublishedBallot::new("R1", ids(&[1]))];
    assert_ne!(ballots_digest(&changed).0, digest);
}

#[test]
fn the_tally_counts_every_choice_once_and_orders_by_votes() {
    let tally = tally(&ids(&[1, 2, 3]), &[ids(&[2]), ids(&[2, 3]), ids(&[3]), ids(&[2])]);
    assert_eq!(tally, vec![(EntryId(2), 3), (EntryId(3), 2), (EntryId(1), 0)]);
}

proptest! {
    #[test]
    fn accepted_ballots_always_fit_the_shape(
        exactly in any::<bool>(),
        choices in 1usize..6,
        picks in proptest::collection::vec(0i64..8, 0..8),
    ) {
        let candidates = ids(&[1, 2, 3, 4, 5]);
        let shape = if exactly { BallotShape::Exactly } else { BallotShape::UpTo };
        let s = settings(shape, choices, Frequency::OncePerWindow);
        let picks = ids(&picks);
        if let Ok(ballot) = s.check_ballot(&candidates, &picks) {
            let wanted = choices.min(candidates.len());
            prop_assert!(ballot.iter().all(|c| candidates.contains(c)));
            prop_assert!(ballot.windows(2).all(|w| w[0] < w[1]), "sorted and without repeats");
            prop_assert_eq!(ballot.len(), picks.len());
            if exactly { prop_assert_eq!(ballot.len(), wanted) } else { prop_assert!((1..=wanted).contains(&ballot.len())) }
        }
    }

    #[test]
    fn the_tally_sums_to_the_choices_on_ballots(ballots in proptest::collection::vec(proptest::collection::btree_set(1i64..6, 1..4), 0..50)) {
        let ballots: Vec<Vec<EntryId>> = ballots.into_iter().map(|b| b.into_iter().map(EntryId).collect()).collect();
        let counted = tally(&ids(&[1, 2, 3, 4, 5]), &ballots);
        let total: u64 = counted.iter().map(|(_, v)| v).sum();
        prop_assert_eq!(total as usize, ballots.iter().map(Vec::len).sum::<usize>());
        prop_assert!(counted.windows(2).all(|w| w[0].1 >= w[1].1));
    }

    #[test]
    fn a_day_period_is_the_same_for_every_second_of_a_local_day(at in 0i64..4_000_000_000) {
        let zone = TimeZone::get("America/Bogota").unwrap();
        let daily = settings(BallotShape::Exactly, 1, Frequency::OncePerDay);
        let period = daily.period(at, &zone);
        let start_of_day = Timestamp::from_second(at).unwrap().to_zoned(zone.clone()).start_of_day().unwrap().timestamp().as_second();
        prop_assert_eq!(daily.period(start_of_day, &zone), period.clone());
        prop_assert_ne!(daily.period(start_of_day - 1, &zone), period);
    }
}

#[test]
fn receipts_read_in_groups_of_four_and_keep_their_random_part() {
    let r = receipt(0, 0);
    assert_eq!(r, "2222-2222-2222-2222-2222-2222-22");
    let r = receipt(1_795_000_000_000, u128::MAX);
    assert_eq!(r.len(), 26 + 6);
    assert!(r.ends_with("ZZZ-ZZZZ-ZZZZ-ZZZZ-ZZ"), "85 random bits, all ones: {r}");
    assert_ne!(receipt(5, 1), receipt(5, 2), "the random part tells apart ballots of one millisecond");
}

proptest! {
    #[test]
    fn receipts_sort_by_the_time_they_were_made(a in 0u64..1 << 45, b in 0u64..1 << 45, x: u128, y: u128) {
        prop_assume!(a != b);
        prop_assert_eq!(receipt(a, x) < receipt(b, y), a < b);
    }
}
