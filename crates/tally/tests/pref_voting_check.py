"""Tallies PrefLib files with pref_voting, for kapok-tally's cross-check (tests/pref_voting.rs).

Usage: python pref_voting_check.py DIRECTORY

Reads every .soc, .soi, .toc and .toi file in DIRECTORY with preflibtools and prints, for each,
one result a line: FILE KEY VALUE..., alternatives by their numbers in the file.

  schulze_winners   Schulze (beat path) winners with winning votes as link strength.
  schulze_defeats   A>B for each pair where A beats B under that Schulze.
  borda             A:SCORE, pref_voting's symmetric Borda score (ranked below minus ranked above).
  irv_winners       Instant-runoff winners, tied first choices splitting the vote, all the
                    alternatives with the fewest votes eliminated together.
  irv_eliminated    The eliminations in order, each round's alternatives joined by commas.
For soc files, also the methods on pref_voting's profile of linear orders:
  linear_schulze_winners (margins), linear_borda (A:SCORE, m-1 points for first),
  linear_irv_winners.
"""

import sys
from pathlib import Path

from preflibtools.instances import OrdinalInstance
from pref_voting.iterative_methods import instant_runoff, instant_runoff_with_explanation
from pref_voting.margin_based_methods import beat_path, beat_path_defeat
from pref_voting.profiles import Profile
from pref_voting.profiles_with_ties import ProfileWithTies
from pref_voting.scoring_methods import symmetric_borda_scores

DATA_TYPES = {".soc", ".soi", ".toc", ".toi"}


def read(path):
    instance = OrdinalInstance()
    instance.parse_str(path.read_text(encoding="utf-8"), data_type=path.suffix[1:])
    return instance


def tally(instance):
    counts = [instance.multiplicity[order] for order in instance.orders]
    rankings = [
        {alternative: level for level, group in enumerate(order, 1) for alternative in group}
        for order in instance.orders
    ]
    # Candidates given explicitly: one that no ballot ranks still takes part.
    profile = ProfileWithTies(rankings, rcounts=counts, candidates=sorted(instance.alternatives_name))
    # Ranked above unranked, as in kapok-tally.
    profile.use_extended_strict_preference()

    yield "schulze_winners", beat_path(profile, strength_function=profile.support)
    defeats = beat_path_defeat(profile, strength_function=profile.support)
    yield "schulze_defeats", [f"{winner}>{loser}" for winner, loser in sorted(defeats.edges())]
    yield "borda", [f"{alternative}:{score}" for alternative, score in sorted(symmetric_borda_scores(profile).items())]

    winners, eliminated = instant_runoff_with_explanation(profile, score_method="split")
    # pref_voting records a final round where all left tie as an elimination; they are the winners.
    if eliminated and sorted(eliminated[-1]) == sorted(winners):
        eliminated = eliminated[:-1]
    yield "irv_winners", winners
    yield "irv_eliminated", [",".join(str(alternative) for alternative in sorted(elimination)) for elimination in eliminated]

    if instance.data_type == "soc":
        linear = Profile([[alternative - 1 for (alternative,) in order] for order in instance.orders], rcounts=counts)
        yield "linear_schulze_winners", [winner + 1 for winner in beat_path(linear)]
        yield "linear_borda", [f"{alternative + 1}:{score}" for alternative, score in sorted(linear.borda_scores().items())]
        yield "linear_irv_winners", [winner + 1 for winner in instant_runoff(linear)]


def main(directory):
    for path in sorted(Path(directory).iterdir()):
        if path.suffix in DATA_TYPES:
            for key, values in tally(read(path)):
                print(path.name, key, *values)


if __name__ == "__main__":
    main(sys.argv[1])
