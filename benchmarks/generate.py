"""Deterministic synthetic agendas for benchmarks, and the same agendas as Markdown for pandoc.

The agendas look like real ones: three to five levels under each top-level item, arabic, roman
and letter numbering, time slots, presenters, document references of a declared series, notes,
bullets and next meetings. The same seed always gives the same text.
"""

from __future__ import annotations

import random

WORDS = ("report", "committee", "budget", "review", "implementation", "strategy", "monitoring", "round",
         "draft", "opinion", "children", "protection", "cooperation", "evaluation", "framework", "annual",
         "members", "election", "procedure", "amendment", "secretariat", "observers", "working", "group")


def _title(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 12))]
    words[0] = words[0].capitalize()
    if rng.random() < 0.2:
        words.insert(rng.randint(1, len(words)), f"[T-ES({rng.randint(2015, 2025)}){rng.randint(1, 99)}]")
    return " ".join(words)


def agenda(items: int, seed: int = 1) -> tuple[str, str]:
    """(agenda source, equivalent Markdown) with about ``items`` items."""
    rng = random.Random(seed)
    source = ["body: Benchmark Committee", "date: Monday 23 November 2020", "time: 09:30-17:00",
              "numbering: 1. / 1.1 / (a) / (i)", "series T-ES: T-ES({year}){n} https://rm.coe.int/{ref}", ""]
    markdown = ["**Benchmark Committee**", "", "# Agenda", "", "Monday 23 November 2020", ""]
    count = 0
    top = 0
    while count < items:
        top += 1
        title = _title(rng)
        source.append(f"{top}. {title}")
        markdown.append(f"- **{top}.** {title.replace('[', '').replace(']', '')}")
        count += 1
        if rng.random() < 0.3:
            source.append(f"   @presenter {rng.choice(WORDS).capitalize()} {rng.choice(WORDS).capitalize()}")
        if rng.random() < 0.2:
            note = _title(rng)
            source.append(f"   > {note}")
            markdown.append(f"\n  > {note.replace('[', '').replace(']', '')}\n")
        for second in range(1, rng.randint(1, 8)):
            if count >= items:
                break
            title = _title(rng)
            number = f"{top}.{second}"
            source.append(f"   {number} {title}")
            markdown.append(f"  - **{number}** {title.replace('[', '').replace(']', '')}")
            count += 1
            for third in range(rng.randint(0, 4)):
                if count >= items:
                    break
                title = _title(rng)
                letter = "abcdefghij"[third]
                source.append(f"       ({letter}) {title}")
                markdown.append(f"    - **({letter})** {title.replace('[', '').replace(']', '')}")
                count += 1
    source += ["", "next meetings:", "  - 7-11 December 2020 (tbc), Strasbourg",
               "  - 15-19 March 2021, Strasbourg (tbc), kind (tbc)"]
    markdown += ["", "## Dates of the next meetings", "", "- 7-11 December 2020, Strasbourg (exact dates tbc)",
                 "- 15-19 March 2021, Strasbourg (place/nature of the meeting tbc)"]
    return "\n".join(source) + "\n", "\n".join(markdown) + "\n"
