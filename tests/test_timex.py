"""Unit tests of the TIMEX3 tagger, one group per pattern family (sentences written for the tests)."""

from __future__ import annotations

import time

import pytest

from rashomon.extract.timex import tag_timexes


def tx(text: str, dct: str | None = "2024-04-08") -> dict[str, tuple[str, str]]:
    out = {}
    for t in tag_timexes(text, dct):
        assert text[t.span.start:t.span.end] == t.span.text
        out[t.span.text] = (t.type, t.value)
    return out


def one(text: str, dct: str | None = "2024-04-08"):
    res = tag_timexes(text, dct)
    assert len(res) == 1, [(t.span.text, t.value) for t in res]
    return res[0]


# --- explicit dates ------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,value", [
    ("The treaty was signed on June 5, 1997 in Paris.", "June 5, 1997", "1997-06-05"),
    ("The treaty was signed on 5 June 1997 in Paris.", "5 June 1997", "1997-06-05"),
    ("Elections were held in November 2019.", "November 2019", "2019-11"),
    ("The blockade began in 2022.", "2022", "2022"),
    ("The filing is dated 2021-07-14.", "2021-07-14", "2021-07-14"),
    ("GUERRILLAS ATTACKED THE BASE ON 3 JAN 90.", "3 JAN 90", "1990-01-03"),
    ("the troops withdrew on 30 december 1989, officials said.", "30 december 1989", "1989-12-30"),
    ("They met on Friday, Sept. 13, 2019, in Oslo.", "Friday, Sept. 13, 2019", "2019-09-13"),
])
def test_explicit_dates(text, span, value):
    assert tx(text)[span] == ("DATE", value)


# --- yearless dates: the year comes from the DCT and the tense ------------------------------

def test_yearless_past_and_future():
    r = tx("On March 22 gunmen stormed a hall; the suspects said March 26 they would appeal.")
    assert r["March 22"] == ("DATE", "2024-03-22")
    assert r["March 26"] == ("DATE", "2024-03-26")
    # a past event half a year back is not moved to the coming October
    assert tx("Officials recalled the Oct. 7 massacre that shocked the region.")["Oct. 7"] == ("DATE", "2023-10-07")
    # no tense in the clause: nearly equidistant readings -> the past one (news prior)
    assert tx("Critics link the policy to the militia's Oct. 7 raid on the border.")["Oct. 7"] == ("DATE", "2023-10-07")
    assert tx("The vote will take place on May 12.")["May 12"] == ("DATE", "2024-05-12")


def test_year_rollover():
    assert tx("The convoy was ambushed on Dec. 30.", "2024-01-02")["Dec. 30"] == ("DATE", "2023-12-30")
    assert tx("The envoys will meet on Jan. 3 in Geneva.", "2023-12-30")["Jan. 3"] == ("DATE", "2024-01-03")


def test_month_alone():
    assert tx("Fighting intensified in February.")["February"] == ("DATE", "2024-02")
    assert tx("The summit will be held in July.")["July"] == ("DATE", "2024-07")


# --- relative days and weekdays --------------------------------------------------------------

def test_relative_days():
    r = tx("Rebels shelled the town yesterday and again today; talks resume tomorrow.")
    assert r["yesterday"] == ("DATE", "2024-04-07")
    assert r["today"] == ("DATE", "2024-04-08")
    assert r["tomorrow"] == ("DATE", "2024-04-09")
    assert tx("Two drones were downed last night.")["last night"] == ("TIME", "2024-04-07TNI")


def test_weekdays_by_tense():
    # DCT 2024-04-08 is a Monday
    assert tx("The ministers met on Friday.")["Friday"] == ("DATE", "2024-04-05")
    assert tx("The ministers will meet on Friday.")["Friday"] == ("DATE", "2024-04-12")
    assert tx("The strike ended last Tuesday.")["last Tuesday"] == ("DATE", "2024-04-02")
    assert tx("Police said the bomb went off Friday evening.")["Friday evening"] == ("DATE", "2024-04-05TEV")


def test_this_last_next_units():
    r = tx("Prices rose last year and this month, and may fall next week.")
    assert r["last year"] == ("DATE", "2023")
    assert r["this month"] == ("DATE", "2024-04")
    assert r["next week"] == ("DATE", "2024-W16")


# --- narrative anchoring ------------------------------------------------------------------

def test_narrative_anchor():
    res = tag_timexes("The siege began on March 22. Two days later the defenders surrendered, "
                      "and the next day the city fell.", "2024-04-08")
    vals = {t.span.text: (t.value, t.anchor) for t in res}
    assert vals["Two days later"] == ("2024-03-24", "2024-03-22")
    assert vals["the next day"] == ("2024-03-25", "2024-03-24")


def test_narrative_without_previous_date_uses_dct():
    assert tx("A week later the ceasefire collapsed.")["A week later"] == ("DATE", "2024-W16")


def test_duration_before_object():
    r = tx("Two weeks after the attack the border reopened.")
    assert r["Two weeks"] == ("DURATION", "P2W")


def test_ago():
    r = tx("The militia was founded three years ago and split 10 days ago.")
    assert r["three years ago"] == ("DATE", "2021")
    assert r["10 days ago"] == ("DATE", "2024-03-29")


# --- extents: prepositions stay outside ----------------------------------------------------

def test_since_and_beginning_in():
    r = tx("The group has been active since 2015, beginning in 1998 as a student club.")
    assert r["2015"] == ("DATE", "2015")
    assert r["1998"] == ("DATE", "1998")


# --- durations ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,value", [
    ("The talks lasted three hours.", "three hours", "PT3H"),
    ("He was held for 18 months.", "18 months", "P18M"),
    ("a two-year investigation", "two-year", "P2Y"),
    ("over the past two decades", "the past two decades", "P20Y"),
    ("The curfew lasted 45 minutes.", "45 minutes", "PT45M"),
])
def test_durations(text, span, value):
    assert tx(text)[span] == ("DURATION", value)


def test_duration_modifier():
    t = one("The shelling went on for more than six hours.")
    assert (t.span.text, t.value, t.mod) == ("more than six hours", "PT6H", "MORE_THAN")


# --- sets -----------------------------------------------------------------------------------

def test_sets():
    r = tx("Patrols run every week and reports are filed daily; the council meets each Thursday.")
    assert r["every week"] == ("SET", "P1W")
    assert r["daily"] == ("SET", "P1D")
    assert r["each Thursday"] == ("SET", "XXXX-WXX-4")


# --- parts of day and clock times -------------------------------------------------------------

def test_times():
    r = tx("The blast happened at 10:30 a.m. and the curfew starts this evening.")
    assert r["10:30 a.m."] == ("TIME", "2024-04-08T10:30")
    assert r["this evening"] == ("TIME", "2024-04-08TEV")


# --- fuzzy / PRESENT_REF / PAST_REF ----------------------------------------------------------

def test_fuzzy():
    # (round 7: with a present perfect, "attacks have risen in recent months" is a duration PXM instead)
    r = tx("In recent months attacks rose; the army now controls the road and will hold it in the future.")
    assert r["recent months"] == ("DATE", "PAST_REF")
    assert r["now"] == ("DATE", "PRESENT_REF")
    assert r["the future"] == ("DATE", "FUTURE_REF")


# --- decades, centuries, quarters, seasons -----------------------------------------------------

def test_decades_centuries():
    r = tx("The conflict dates to the 1990s and its roots to the 19th century.")
    assert r["the 1990s"] == ("DATE", "199")
    assert r["the 19th century"] == ("DATE", "18")
    t = one("Inflation soared in the early 1980s.")
    assert (t.span.text, t.value, t.mod) == ("the early 1980s", "198", "START")


def test_quarters_and_seasons():
    r = tx("Profit fell in the third quarter of 2023 and again in the first quarter.", "2024-05-02")
    assert r["the third quarter of 2023"] == ("DATE", "2023-Q3")
    assert r["the first quarter"] == ("DATE", "2024-Q1")
    assert tx("The offensive stalled last winter.")["last winter"] == ("DATE", "2023-WI")


def test_position_modifier():
    t = one("The rebels regrouped in late November.")
    assert (t.span.text, t.value, t.mod) == ("late November", "2023-11", "END")


# --- non-times -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Theresa May said the plan was sound.",
    "Thousands march through the capital.",
    "The ransom was $27 million.",
    "Four soldiers were wounded.",
    "The vote had 2000 delegates.",
    "The March of Dimes raised funds.",
])
def test_non_times(text):
    assert tag_timexes(text, "2024-04-08") == []


def test_no_dct_leaves_placeholders():
    r = tx("The envoy arrived on Oct. 7 and left yesterday; talks continue now.", None)
    assert r["Oct. 7"] == ("DATE", "XXXX-10-07")
    assert r["yesterday"][1].startswith("XXXX")
    assert r["now"] == ("DATE", "PRESENT_REF")


def test_spacy_doc_is_optional():
    pytest.importorskip("spacy")
    try:
        from rashomon.nlp.model import load_nlp
        nlp = load_nlp()
    except Exception:  # noqa: BLE001 - model not installed
        pytest.skip("spaCy model missing")
    text = "The delegates will meet on Friday. They met on Thursday."
    res = {t.span.text: t.value for t in tag_timexes(text, "2024-04-08", nlp(text))}
    assert res == {"Friday": "2024-04-12", "Thursday": "2024-04-04"}


def test_sorted_and_fast():
    para = ("On March 22 gunmen attacked the hall. Two days later officials said 137 people died. "
            "The group, active since 2015, struck again last week and will be tried in June. ") * 40
    t0 = time.perf_counter()
    res = tag_timexes(para, "2024-04-08")
    elapsed = time.perf_counter() - t0
    assert [t.span.start for t in res] == sorted(t.span.start for t in res)
    assert len(para.split()) > 1000
    assert elapsed < 0.2


# --- error classes fixed for issue 9 (sentences written for the tests) -------------------------

@pytest.mark.parametrize("text,span,typ,value", [
    # bare "the year" / "the fiscal year" = the DCT's year; "the year ended <date>" is a DURATION
    ("Sales for the year rose 4%, the company said.", "the year", "DATE", "2024"),
    ("Profit for the fiscal year fell sharply.", "the fiscal year", "DATE", "2024"),
    ("Net income for the year ended March 31 was $2 million.", "the year", "DURATION", "P1Y"),
    ("Rains delayed planting earlier in the year.", "earlier in the year", "DATE", "2024"),
    ("For the week, the index dropped 3.8%.", "the week", "DATE", "2024-W15"),
])
def test_the_year_and_week(text, span, typ, value):
    assert tx(text)[span] == (typ, value)


def test_latest_period_is_the_reported_quarter():
    t = tx("Earnings for the third quarter of 2023 rose. Sales in the latest period were $2 billion.")
    assert t["the latest period"] == ("DATE", "2023-Q3")


def test_prenominal_compound_leaves_the_determiner_out():
    t = tx("The union ended the two-week strike after the third-quarter loss was announced.")
    assert t["two-week"] == ("DURATION", "P2W") and t["third-quarter"][0] == "DATE"


def test_future_from_infinitive_and_deadline():
    # "set to resume", "is to meet": future; "was due to expire": no direction of its own
    assert one("Talks are set to resume Monday in Geneva.").value == "2024-04-08"
    assert one("The council is to meet Thursday in Rome.").value == "2024-04-11"
    assert one("The bank plans to repay the loan by February.", "2023-10-30").value == "2024-02"


@pytest.mark.parametrize("text", [
    "Now, he says, the plan looks different.",
    "The index closed at 2082.1 on heavy volume.",
    "Iraq imports about three-quarters of its food.",
    "They hold more than a quarter of the market.",
])
def test_more_non_times(text):
    assert tag_timexes(text, "2024-04-08") == []


def test_military_clock_time_is_not_a_year():
    t = tx("the bomb exploded at 2030 in the capital.", "1989-08-30")
    assert "2030" not in t


# --- round 3 (classes seen on TimeBank + AQUAINT) ---------------------------------------------

def test_date_before_a_colon_and_a_following_day():
    # an editorial line "on Thursday, May 2:" is one date; "last Nov. 14" is the day, not the month
    assert tx("The paper wrote in a leader on Thursday, May 2: the talks must go on.", "2024-05-02")[
        "Thursday, May 2"] == ("DATE", "2024-05-02")
    out = tx("The mayor was attacked last Nov. 14 outside his office.", "2024-04-08")
    assert out.get("Nov. 14") == ("DATE", "2023-11-14") and "last Nov" not in out
    # a day number followed by a verb that is also a counted noun ("killed") is still a date
    assert tx("The raids on Sept. 3 killed nine people.", "2024-10-01")["Sept. 3"] == ("DATE", "2024-09-03")


def test_fractional_and_additional_durations():
    assert tx("The convoy waited about 3 1/2 hours at the border.")["about 3 1/2 hours"] == ("DURATION", "PT3H30M")
    t = one("The ceasefire holds for at least three more weeks.")
    assert (t.span.text, t.type, t.value, t.mod) == ("at least three more weeks", "DURATION", "P3W", "EQUAL_OR_MORE")


def test_holiday_with_last_and_night_of_date():
    assert tx("The boat sank last Christmas near the coast.", "2024-04-08")["last Christmas"] == ("DATE", "2023-12-25")
    out = tx("He was shot on the night of March 2 at his farm.", "2024-04-08")
    assert "the night" not in out and out["March 2"] == ("DATE", "2024-03-02")
    assert tx("For the opposition, high noon comes today.") == {"today": ("DATE", "2024-04-08")}


def test_future_cues_for_weekdays():
    # DCT 2024-04-08 is a Monday
    assert tx("The delegation could arrive as soon as Thursday, aides said.")["Thursday"] == ("DATE", "2024-04-11")
    assert tx("She said the envoy would be flying to Cairo Thursday.")["Thursday"] == ("DATE", "2024-04-11")


def test_event_relative_vague_dates():
    # "the day after <event>" is a date next to the last day mentioned; in apposition it is that day
    out = tx("The mill burned on March 3. Looters came the day after the fire.")
    assert out["day"] == ("DATE", "2024-03-04")
    out = tx("Shares fell on Oct. 12, the day before the crash, analysts said.", "2023-11-01")
    assert out["day"] == ("DATE", "2023-10-12")
    # "in the weeks before the vote" is a vague date, not a length
    assert tx("The rally was on Feb. 20. Crowds had gathered in the weeks before the vote.")["weeks"][0] == "DATE"
    # a counted span before an event keeps the TimeBank reading (a duration)
    assert tx("The army withdrew two weeks after the attack.")["two weeks"] == ("DURATION", "P2W")


def test_month_abbreviation_as_first_name():
    assert tx("Ministers Anna Berg and Jan Novak signed the accord.") == {}


# --- round 4 (issue 9): coordination, ranges, weeks of a date, deferrals, rates -------------

def test_coordinated_days_are_tagged_each():
    out = tag_timexes("Foreign ministers meet in Vienna on May 14 and 15 to draft the accord.", "2024-04-08")
    assert [(t.span.text, t.value) for t in out] == [("May 14", "2024-05-14"), ("15", "2024-05-15")]
    out = tx("Shelling hit the port on March 2, 3 and 4, residents said.")
    assert (out["March 2"], out["3"], out["4"]) == (("DATE", "2024-03-02"), ("DATE", "2024-03-03"), ("DATE", "2024-03-04"))
    # a count after a date is not a second day
    assert tx("On June 9 and 10 others were wounded.", "2024-06-20") == {"June 9": ("DATE", "2024-06-09")}
    assert tx("Prices rose on May 14 to 15 percent.") == {"May 14": ("DATE", "2024-05-14")}
    assert tx("In raids on May 14 and 15 Palestinians were killed.") == {"May 14": ("DATE", "2024-05-14")}
    # coordinated months were already two timexes
    assert set(tx("The talks were held in March and April.")) == {"March", "April"}


def test_range_end_lies_after_its_start():
    # DCT 2024-04-08 is a Monday: the end of "from Monday to Wednesday" is two days later
    out = tx("The port strike runs from Monday to Wednesday.")
    assert out["Monday"][1] == "2024-04-08" and out["Wednesday"] == ("DATE", "2024-04-10")
    assert tx("The fair ran from Dec. 28 to Jan. 3.", "2024-01-20")["Jan. 3"] == ("DATE", "2024-01-03")
    # a weekday closing a range opened by a calendar date is not moved after that date
    assert tx("Shares were bought from Sept. 14 to Thursday.", "2023-10-02")["Thursday"] == ("DATE", "2023-09-28")


def test_week_of_a_date():
    t = one("The appeal will be heard the week of May 6, the court said.")
    assert (t.span.text, t.type, t.value) == ("the week of May 6", "DATE", "2024-W19")


def test_deferral_until_a_weekday_is_future():
    # DCT 2024-04-08 (Monday): a deadline moved "until" a day lies ahead even in a past-tense clause
    assert tx("The court postponed until Thursday any ruling on the appeal.")["Thursday"] == ("DATE", "2024-04-11")
    assert tx("Officials gave the strikers until 9 a.m. Friday to leave.")["9 a.m. Friday"][1] == "2024-04-12T09:00"
    # "up until Thursday" after a plain past verb stays in the past
    assert tx("He had been described only as a witness up until Thursday.")["Thursday"] == ("DATE", "2024-04-04")


def test_fractional_years_and_days():
    assert tx("He spent 2 1/2 years in a camp.")["2 1/2 years"] == ("DURATION", "P2Y6M")
    assert tx("He spent four and a half years in exile.")["four and a half years"] == ("DURATION", "P4Y6M")
    assert tx("The siege lasted 1.5 days.")["1.5 days"] == ("DURATION", "P1DT12H")


def test_last_month_name_skips_the_month_just_ended():
    # written on 2024-04-08: "last March" is not last month but March 2023; "last February" is 2024-02
    assert tx("The ferry sank last March.")["last March"] == ("DATE", "2023-03")
    assert tx("The ferry sank last February.")["last February"] == ("DATE", "2024-02")


def test_month_before_a_noun_after_an_article():
    assert tx("The April accord collapsed within weeks.", "2024-09-01")["April"] == ("DATE", "2024-04")
    assert tx("Under a June agreement, the firm was sold.", "2024-09-01")["June"] == ("DATE", "2024-06")
    assert "March" not in tx("The March of Dimes raised money.")


def test_rates_and_the_present_age_are_not_timexes():
    assert tx("The reform saves $500 million a year, the ministry said.") == {}
    assert tx("Rooms cost $55 a night.") == {}
    assert tx("Patients take the drug twice a day.")["a day"] == ("SET", "P1D")
    assert tx("The siege is for today's youth what the war was for their parents.") == {}
    assert tx("The offer ran in today's editions.")["today"] == ("DATE", "2024-04-08")


def test_doc_tense_of_a_scheduling_verb():
    pytest.importorskip("spacy")
    try:
        from rashomon.nlp.model import load_nlp
        nlp = load_nlp()
    except Exception:  # noqa: BLE001 - model not installed
        pytest.skip("spaCy model missing")
    text = "The police chief has scheduled a news conference Thursday to discuss the case."
    res = {t.span.text: t.value for t in tag_timexes(text, "2024-04-08", nlp(text))}
    assert res == {"Thursday": "2024-04-11"}


def test_unit_word_compounds_are_durations():
    assert tx("The envoys left their third day-long meeting.")["day-long"] == ("DURATION", "P1D")
    assert tx("The truce ended a decades-long feud between the clans.")["decades-long"] == ("DURATION", "PXY")
    # ages stay untagged
    assert tx("The 6-year-old boy was found on a raft.") == {}


def test_or_so_and_bare_centuries():
    assert tx("The depot will be shut over the next year or so, a spokesman said.")["the next year or so"] == ("DATE", "2025")
    assert tx("Then, a week or so ago, the envoy left.")["a week or so ago"][0] == "DATE"
    assert tx("They talked for an hour or so.")["an hour or so"] == ("DURATION", "PT1H")
    assert tx("The valley was ruled from the coast for centuries.")["centuries"] == ("DURATION", "PXC")


def test_end_of_the_month():
    t = one("The brigade will leave by the end of the month.")
    assert (t.span.text, t.value, t.mod) == ("the end of the month", "2024-04", "END")


def test_coming_and_past_units_without_article():
    assert tx("Analysts expect growth to slow in coming months.")["coming months"] == ("DATE", "FUTURE_REF")
    assert tx("Such raids were common in past years, too.")["past years"] == ("DATE", "PAST_REF")


def test_over_the_years_is_an_open_length():
    assert tx("Over the years the militia grew stronger.")["the years"] == ("DURATION", "PXY")
    assert tx("In the years that followed, the town was rebuilt.")["the years"] == ("DURATION", "PXY")
    assert tx("In the years of the war, trade fell.") == {}


# --- round 5 ---------------------------------------------------------------------------------

def test_hyphenated_day_ranges():
    assert tx("The summit will be held May 20-22 in Geneva.") == {
        "May 20": ("DATE", "2024-05-20"), "22": ("DATE", "2024-05-22")}
    assert tx("Observers stayed from March 30-April 2 in the province.") == {
        "March 30": ("DATE", "2024-03-30"), "April 2": ("DATE", "2024-04-02")}
    # a hyphenated word after a date is still no range
    assert tx("On May 3-year-old twins were found.") == {}


def test_years_and_months_later_count_from_the_last_coarse_date():
    got = tx("The bill passed the lower house in 2019 and the senate two years later.")
    assert got["two years later"] == ("DATE", "2021")
    got = tx("Protests began in March 2021; three months later the army moved in.")
    assert got["three months later"] == ("DATE", "2021-06")
    # a day-granular date stays the narrative anchor
    got = tx("The siege began on May 3, 2020. A year later the town fell.")
    assert got["A year later"] == ("DATE", "2021")


def test_quoted_titles_are_not_timexes():
    assert tx('The minister, speaking on the "Next Week" talk show, denied it.') == {}
    assert tx("He said on the channel's ''60 Minutes'' that he would stay.") == {}
    assert tx('"Last Tuesday we met the envoy," he said.') == {"Last Tuesday": ("DATE", "2024-04-02")}


def test_hour_in_the_morning_and_afternoon():
    assert tx("The convoy will leave at 4 in the morning.")["4 in the morning"][1].endswith("T04:00")
    assert tx("Talks resumed at 3 in the afternoon on Sunday.")["3 in the afternoon on Sunday"] == (
        "TIME", "2024-04-07T15:00")
    # a count before a part of day is no clock time
    assert "4 in the morning" not in tx("The raiders killed 4 in the morning attack.")


def test_election_day_and_as_long_as():
    assert tx("The campaign will run until Election Day.")["Election Day"] == ("DATE", "2024-11-05")
    assert tx("The appeal could take as long as a month or two.")["a month"] == ("DURATION", "P1M")


def test_and_a_half_durations():
    assert tx("The talks lasted an hour and a half.")["an hour and a half"] == ("DURATION", "PT1H30M")
    assert tx("He spent a year and a half in jail.")["a year and a half"] == ("DURATION", "P1Y6M")
    # minutes or hours later: the length, "later" outside
    assert tx("But a minute and a half later, the pilot called.")["a minute and a half"] == ("DURATION", "PT1M30S")
    assert tx("Just over an hour later, he was declared dead.")["Just over an hour"] == ("DURATION", "PT1H")


def test_day_numbers_before_a_day_month_date():
    assert tx("Clashes erupted on 10 and 11 March.", "2024-04-08") == {
        "10": ("DATE", "2024-03-10"), "11 March": ("DATE", "2024-03-11")}
    assert tx("The fair runs from 3-5 May in Lyon.") == {
        "3": ("DATE", "2024-05-03"), "5 May": ("DATE", "2024-05-05")}
    # without a preposition the first number may be a count
    assert "10" not in tx("The gunmen wounded 10 and 11 March marchers fled.")


def test_clock_time_in_gmt_is_not_a_year():
    got = tx("The truce took effect at 6 p.m. (1600 GMT) on Monday.")
    assert "1600" not in got and got["Monday"] == ("DATE", "2024-04-08")


def test_latest_quarter_is_one_that_has_ended():
    text = ("The company expects a fourth-quarter charge. In the latest quarter, profit rose to $5 million "
            "from $4 million a year ago.")
    got = tx(text, "2023-11-02")
    assert got["fourth-quarter"] == ("DATE", "2023-Q4")
    assert got["the latest quarter"] == ("DATE", "2023-Q3")
    assert got["a year ago"] == ("DATE", "2022-Q3")


def test_year_period_in_a_quarterly_report():
    text = "Third-quarter profit rose 10%. In the 2022 period, the company earned $3 million."
    assert tx(text, "2023-10-26")["the 2022 period"] == ("DATE", "2022-Q3")
    assert tx("Costs rose in the 2022 period.", "2023-10-26")["the 2022 period"] == ("DATE", "2022")


def test_doc_tense_of_a_reduced_relative_plan():
    pytest.importorskip("spacy")
    try:
        from rashomon.nlp.model import load_nlp
        nlp = load_nlp()
    except Exception:  # noqa: BLE001 - model not installed
        pytest.skip("spaCy model missing")
    # "planned for Saturday" modifies a noun of a past clause: no look ahead of its own
    text = "A vigil planned at the town hall for Saturday was called off after threats were made."
    res = {t.span.text: t.value for t in tag_timexes(text, "2024-04-08", nlp(text))}
    assert res == {"Saturday": "2024-04-06"}
    text = "The union has planned a strike for Thursday."
    res = {t.span.text: t.value for t in tag_timexes(text, "2024-04-08", nlp(text))}
    assert res == {"Thursday": "2024-04-11"}


def test_holiday_week_is_the_week_of_the_holiday():
    # the holiday of the coming Sunday, whatever the tense of "began"
    assert tx("Pilgrims prayed as Easter week began.", "2025-04-14")["Easter week"] == ("DATE", "2025-W16")
    assert tx("Shops were busy in Christmas week.", "2023-12-28")["Christmas week"] == ("DATE", "2023-W52")


def test_weekday_ranges_without_from():
    # DCT Monday 2024-04-08: the range closes on the Friday after its Monday
    assert tx("The checkpoints are open Monday through Friday.") == {
        "Monday": ("DATE", "2024-04-08"), "Friday": ("DATE", "2024-04-12")}
    got = tx("Talks will run Tuesday-Thursday in Doha.")
    assert got == {"Tuesday": ("DATE", "2024-04-09"), "Thursday": ("DATE", "2024-04-11")}


def test_month_ranges_with_a_hyphen():
    assert tx("Exports fell in January-March.") == {"January": ("DATE", "2024-01"), "March": ("DATE", "2024-03")}
    # the closing month lies on or after the opening one
    assert tx("Snow fell heavily in December-February.") == {
        "December": ("DATE", "2023-12"), "February": ("DATE", "2024-02")}
    assert tx("The pre-March talks failed.") == {}


def test_all_lower_case_text_keeps_weekdays_and_months():
    from rashomon.extract.timex import tag_timexes

    found = {t.span.text: t.value for t in tag_timexes(
        "a bomber struck on monday morning, killing 11. in march 2025 another bomber killed 18. "
        "the rebels may march on the town.", "2026-04-28")}
    assert found.get("monday morning", "").startswith("2026-04-27") and found.get("march 2025") == "2025-03"
    assert "may" not in found and "march" not in found


# --- round 6 -----------------------------------------------------------------------------------

def _with_doc(text: str, dct: str) -> dict[str, str]:
    pytest.importorskip("spacy")
    try:
        from rashomon.nlp.model import load_nlp
        nlp = load_nlp()
    except Exception:  # noqa: BLE001 - model not installed
        pytest.skip("spaCy model missing")
    return {t.span.text: t.value for t in tag_timexes(text, dct, nlp(text))}


def test_parsed_tense_keeps_a_month_earlier_in_the_same_year():
    # written in late October: a past-tense clause about January or Feb. 2 means this year's,
    # even though they lie more than eight months back
    got = _with_doc("In January, the mayor appointed a new police chief.", "2025-10-28")
    assert got == {"January": "2025-01"}
    got = _with_doc("The council approved the budget on Feb. 2 after a long debate.", "2025-10-28")
    assert got == {"Feb. 2": "2025-02-02"}
    # a future-tense clause about December written in March: this December
    got = _with_doc("The new bridge will open in December.", "2025-03-04")
    assert got == {"December": "2025-12"}
    # the end of a term keeps the nearest reading: "through January" written in October
    got = _with_doc("The bank extended the credit line through January, officials said.", "2025-10-28")
    assert got == {"January": "2026-01"}


def test_effective_and_by_dates_lie_ahead():
    # "effective <date>" is when an announced change takes effect
    assert tx("The board named a new chairman, effective Feb. 1.", "2025-10-28")["Feb. 1"] == ("DATE", "2026-02-01")
    # a deadline reported in the past tense is still ahead of the report
    assert tx("The court ruled the ministry must repay the loan by February.", "2025-10-28")["February"] \
        == ("DATE", "2026-02")
    assert tx("Officials decided the camp should close by March 3.", "2025-10-28")["March 3"] \
        == ("DATE", "2026-03-03")
    # a weekday after "by" keeps the tense of its clause
    assert tx("All units had reported back by Wednesday.", "2025-10-30")["Wednesday"] == ("DATE", "2025-10-29")


def test_possessive_weekday_is_a_day_already_reported():
    # DCT Friday 2025-10-31: "Wednesday's ruling" is the ruling of two days ago, even in a future clause
    got = tx("Lawyers said they would appeal Wednesday's ruling next month.", "2025-10-31")
    assert got["Wednesday"] == ("DATE", "2025-10-29")
    # the DCT's own weekday is that day
    assert tx("Friday's vote was close.", "2025-10-31")["Friday"] == ("DATE", "2025-10-31")


def test_ahead_of_looks_forward():
    # DCT Monday 2025-10-27: the weekend ahead is this week's
    got = tx("Traders sold shares ahead of the weekend.", "2025-10-27")
    assert got["the weekend"] == ("DATE", "2025-W44-WE")
    # a possessive weekday after "ahead of" is still ahead
    assert tx("Shares rose ahead of Tuesday's vote.", "2025-10-27")["Tuesday"] == ("DATE", "2025-10-28")


def test_plural_part_of_day_after_weekdays_is_a_set():
    got = tx("Ferries leave the island on Monday and Thursday nights.", "2025-10-31")
    assert got == {"Monday": ("SET", "XXXX-WXX-1TNI"), "Thursday nights": ("SET", "XXXX-WXX-4TNI")}
    assert tx("The market opens on Saturday mornings.", "2025-10-31") == {"Saturday mornings": ("SET", "XXXX-WXX-6TMO")}
    # a singular part of day after the second weekday does not make the first one recurring
    got = tx("He left on Monday and Tuesday night he came back.", "2025-10-31")
    assert got["Monday"] == ("DATE", "2025-10-27")


def test_an_earlier_quarter_mentioned_in_passing_keeps_the_reported_one():
    text = ("Acme Corp. posted a 12% gain in third-quarter net income. After a weak second quarter, "
            "the company said costs fell. Sales were higher than a year ago.")
    got = tx(text, "2025-10-30")
    assert got["third-quarter"] == ("DATE", "2025-Q3")
    assert got["second quarter"] == ("DATE", "2025-Q2")
    assert got["a year ago"] == ("DATE", "2024-Q3")


# --- round 7 -----------------------------------------------------------------------------------

def test_infinitive_after_a_present_expectation_verb_looks_ahead():
    # DCT Friday 2025-10-31: "is expected to hit" (the past-looking "hit" is an infinitive here)
    got = _with_doc("The storm is expected to hit the coast on Saturday night.", "2025-10-31")
    assert got == {"Saturday night": "2025-11-01TNI"}
    got = _with_doc("The two unions are set to resume talks on Tuesday.", "2025-10-31")
    assert got == {"Tuesday": "2025-11-04"}
    # lexical path: "to hit" is no past-tense cue either
    assert tx("The storm is expected to hit on Saturday.", "2025-10-31")["Saturday"] == ("DATE", "2025-11-01")
    # a past expectation says nothing about the report date: the usual past reading stays
    got = _with_doc("The ship was expected to dock on Tuesday, but it sank.", "2025-10-31")
    assert got == {"Tuesday": "2025-10-28"}


def test_simple_present_of_an_event_verb_is_a_schedule():
    # news writes scheduled events in the simple present: "the summit opens Tuesday"
    got = _with_doc("The three-day summit opens Tuesday and ends Thursday.", "2025-10-31")
    assert got == {"three-day": "P3D", "Tuesday": "2025-11-04", "Thursday": "2025-11-06"}
    # a reporting or stative present does not look ahead, nor does a possessive
    got = _with_doc("The minister says Tuesday's vote was fair.", "2025-10-31")
    assert got == {"Tuesday": "2025-10-28"}


def test_weekend_reported_on_a_friday_in_the_past_tense():
    # DCT Friday: a past event "over the weekend" happened on the weekend just gone
    assert tx("Over the weekend, protesters gathered in the square.", "2025-10-31")["the weekend"] \
        == ("DATE", "2025-W43-WE")
    # the coming one when the clause looks ahead, or when no tense says otherwise
    assert tx("Protesters will gather over the weekend.", "2025-10-31")["the weekend"] == ("DATE", "2025-W44-WE")


def test_clock_time_takes_the_day_named_after_a_parenthesis():
    # DCT Friday 2025-10-31; the day before the time is Monday: the time belongs to the Wednesday named after it
    text = "Talks began on Monday. The blast went off at 9:40 a.m. local time (0640 GMT) on Wednesday."
    got = tx(text, "2025-10-31")
    assert got["9:40 a.m. local time"] == ("TIME", "2025-10-29T09:40")
    assert got["Wednesday"] == ("DATE", "2025-10-29")
    got = tx("The ferry left at 4 p.m. (1500 GMT) on Oct. 12.", "2025-10-31")
    assert got["4 p.m."] == ("TIME", "2025-10-12T16:00")


def test_every_season_is_a_set():
    got = tx("The fair is held each summer, and the roads close every winter.", "2025-10-31")
    assert got == {"each summer": ("SET", "XXXX-SU"), "every winter": ("SET", "XXXX-WI")}


def test_movable_and_fixed_holidays():
    # Easter 2026 is April 5: Good Friday April 3, Palm Sunday March 29
    got = tx("Pilgrims will arrive before Palm Sunday and leave after Good Friday.", "2026-03-02")
    assert got == {"Palm Sunday": ("DATE", "2026-03-29"), "Good Friday": ("DATE", "2026-04-03")}
    got = tx("The pub was packed on St. Patrick\u2019s Day.", "2026-03-20")
    assert got == {"St. Patrick\u2019s Day": ("DATE", "2026-03-17")}
    assert tx("Mother's Day falls in May.", "2026-03-20")["Mother's Day"] == ("DATE", "2026-05-10")


def test_present_perfect_makes_recent_units_a_duration():
    # a period reaching up to now and measured by a perfect: a vague duration
    got = _with_doc("Officials have voiced concern in recent months about the dam.", "2025-10-31")
    assert got == {"recent months": "PXM"}
    assert tx("Prices have risen sharply in recent weeks.", "2025-10-31")["recent weeks"] == ("DURATION", "PXW")
    # a simple past keeps the past reference
    got = _with_doc("As the currency soared in recent years, exporters suffered.", "2025-10-31")
    assert got == {"recent years": "PAST_REF"}


def test_over_before_a_duration_is_a_preposition_unless_it_measures():
    got = {t.span.text: t.mod for t in tag_timexes("The plan would save $2 billion over 10 years.", "2025-10-31")}
    assert got == {"10 years": None}
    got = {t.span.text: t.mod for t in tag_timexes("The strike lasted over a week.", "2025-10-31")}
    assert got == {"over a week": "MORE_THAN"}


def test_numbers_in_addresses_and_section_labels_are_not_years():
    got = tx("Protesters marched to 1600 Pennsylvania Avenue, citing Section 2010 of the code.", "2025-10-31")
    assert got == {}
    # a temporal preposition keeps the year: "In 2003 Main Street flooded"
    assert tx("In 2003 Main Street flooded.", "2025-10-31") == {"2003": ("DATE", "2003")}


def test_quarter_named_by_its_months_and_fiscal_year_labels():
    got = tx("Profit in the October-December quarter rose, the company said on Monday.", "2026-02-10")
    assert got["the October-December quarter"] == ("DATE", "2025-Q4")
    # months that are not a calendar quarter stay two months
    got = tx("Exports fell in the February-April period.", "2026-06-10")
    assert got["February"] == ("DATE", "2026-02") and got["April"] == ("DATE", "2026-04")
    got = tx("Sales in fiscal year 2025 and in FY24 were flat.", "2026-02-10")
    assert got == {"fiscal year 2025": ("DATE", "2025"), "FY24": ("DATE", "2024")}


def test_units_ahead_of_an_event_are_a_length():
    got = tx("The ruling came a month ahead of the vote and two days before the deadline.", "2025-10-31")
    assert got == {"a month": ("DURATION", "P1M"), "two days": ("DURATION", "P2D")}


def test_one_day_after_a_modal_is_someday():
    assert tx("Engineers say the city could one day run on tidal power.", "2025-10-31") \
        == {"one day": ("DATE", "FUTURE_REF")}
    # a length stays a length
    assert tx("The strike will last one day.", "2025-10-31") == {"one day": ("DURATION", "P1D")}


def test_the_verb_last_stays_outside_a_duration():
    assert tx("The talks could last several weeks.", "2025-10-31") == {"several weeks": ("DURATION", "PXW")}
    assert tx("Prices rose over the last three years.", "2025-10-31")["the last three years"] == ("DURATION", "P3Y")


# --- round 8: day ranges across months, parts of a month, ranges of lengths, "last December" -----

def spans(text: str, dct: str | None) -> list[tuple[str, str, str, str | None]]:
    out = []
    for t in tag_timexes(text, dct):
        assert text[t.span.start:t.span.end] == t.span.text
        out.append((t.span.text, t.type, t.value, t.mod))
    return out


@pytest.mark.parametrize("text,dct,expected", [
    # day-month ranges across a month boundary: each end is a DATE of its own
    ("The book fair runs 30 April-2 May in the old town.", "2025-04-14",
     [("30 April", "DATE", "2025-04-30", None), ("2 May", "DATE", "2025-05-02", None)]),
    ("Voting took place 30 April – 2 May, observers said.", "2025-05-10",
     [("30 April", "DATE", "2025-04-30", None), ("2 May", "DATE", "2025-05-02", None)]),
    # the closing day lies on/after the opening one, across the turn of the year
    ("Shops closed 30 Dec.-2 Jan. as usual.", "2025-07-03",
     [("30 Dec.", "DATE", "2024-12-30", None), ("2 Jan.", "DATE", "2025-01-02", None)]),
    # month-day order, with "to" and with a hyphen
    ("The congress ran from April 30 to May 2.", "2025-05-20",
     [("April 30", "DATE", "2025-04-30", None), ("May 2", "DATE", "2025-05-02", None)]),
    # a year after the closing day dates the whole range
    ("The strike lasted from 28 February to 3 March 2023 in the port.", "2025-05-20",
     [("28 February", "DATE", "2023-02-28", None), ("3 March 2023", "DATE", "2023-03-03", None)]),
    ("The talks were held April 30-May 2, 2022, in Vienna.", "2025-05-20",
     [("April 30", "DATE", "2022-04-30", None), ("May 2, 2022", "DATE", "2022-05-02", None)]),
    ("Ceasefire talks on Dec. 29-Jan. 3, 2024 went nowhere.", "2025-05-20",
     [("Dec. 29", "DATE", "2023-12-29", None), ("Jan. 3, 2024", "DATE", "2024-01-03", None)]),
    ("Inspectors visited the plant on June 10-12, 2021.", "2025-05-20",
     [("June 10", "DATE", "2021-06-10", None), ("12, 2021", "DATE", "2021-06-12", None)]),
])
def test_day_ranges_across_months(text, dct, expected):
    assert spans(text, dct) == expected


@pytest.mark.parametrize("text,dct,expected", [
    ("The vote is expected in the first week of March.", "2026-01-12",
     [("the first week of March", "DATE", "2026-03", "START")]),
    ("Troops withdrew in the last week of July.", "2025-09-15",
     [("the last week of July", "DATE", "2025-07", "END")]),
    ("Output recovered in the second half of 2023.", "2025-03-01",
     [("the second half of 2023", "DATE", "2023-H2", None)]),
    ("Shelling eased in the first days of June.", "2025-07-08",
     [("the first days of June", "DATE", "2025-06", "START")]),
    ("Prices climbed during the final two weeks of October 2024.", "2025-07-08",
     [("the final two weeks of October 2024", "DATE", "2024-10", "END")]),
    ("Deliveries resume in the second week of next month.", "2025-07-08",
     [("the second week of next month", "DATE", "2025-08", None)]),
    # one day counted inside a month is that day
    ("The law takes effect on the first day of September.", "2025-07-08",
     [("the first day of September", "DATE", "2025-09-01", None)]),
    ("The lease ends on the last day of February 2028.", "2025-07-08",
     [("the last day of February 2028", "DATE", "2028-02-29", None)]),
])
def test_parts_of_a_month(text, dct, expected):
    assert spans(text, dct) == expected


@pytest.mark.parametrize("text,expected", [
    ("Rebuilding the bridge will take 12 to 18 months.", [("12 to 18 months", "DURATION", "P12M", "EQUAL_OR_MORE")]),
    ("Repairs should take two to three weeks.", [("two to three weeks", "DURATION", "P2W", "EQUAL_OR_MORE")]),
    ("He faces between five and seven years in prison.",
     [("five and seven years", "DURATION", "P5Y", "EQUAL_OR_MORE")]),
    ("Recovery takes 6-8 weeks, doctors said.", [("6-8 weeks", "DURATION", "P6W", "EQUAL_OR_MORE")]),
    # an alternative is not a range: unchanged
    ("They waited two or three days.", [("two or three days", "DURATION", "P2D", None)]),
    # "and a half" is not a range; in a range it belongs to its own bound
    ("The trial lasted three and a half years.", [("three and a half years", "DURATION", "P3Y6M", None)]),
    ("Appeals take two to three and a half years.",
     [("two to three and a half years", "DURATION", "P2Y", "EQUAL_OR_MORE")]),
    ("Appeals take two and a half to three years.",
     [("two and a half to three years", "DURATION", "P2Y6M", "EQUAL_OR_MORE")]),
])
def test_ranges_of_lengths_are_one_duration(text, expected):
    assert spans(text, "2025-07-08") == expected


def test_last_december_written_in_january_is_the_month_just_ended():
    assert tx("Inflation peaked last December.", "2026-01-14") == {"last December": ("DATE", "2025-12")}
    assert tx("Inflation peaked last November.", "2026-01-14") == {"last November": ("DATE", "2025-11")}
    # unchanged: within a year the month just ended is "last month", so "last <month>" is a year back
    assert tx("Inflation peaked last February.", "2026-03-14") == {"last February": ("DATE", "2025-02")}
    assert tx("Inflation peaked last December.", "2026-02-14") == {"last December": ("DATE", "2025-12")}
    assert tx("Inflation peaked last December.", "2025-12-20") == {"last December": ("DATE", "2024-12")}


# --- round 8 (session 7): reporting-verb adverbials, clock formats, ordinal "second", forecasts,
# fronted times of a past plan, "overnight", "is on <day>" -----------------------------------------

def test_adverbial_between_a_reporting_verb_and_its_clause_dates_the_report():
    # the parser hangs "on Tuesday" on the complement's "would": the day is when it was said
    got = _with_doc("The ministry said on Tuesday it would close three border crossings.", "2026-06-12")
    assert got == {"Tuesday": "2026-06-09"}
    got = _with_doc("The union told members on Monday the strike will go ahead.", "2026-06-12")
    assert got["Monday"] == "2026-06-08"
    # with "that" before it, the adverbial belongs to the complement clause, which looks ahead
    got = _with_doc("The ministry said that on Tuesday it would close three border crossings.", "2026-06-12")
    assert got == {"Tuesday": "2026-06-16"}


@pytest.mark.parametrize("text,span,value", [
    ("The curfew started at 9.30pm yesterday.", "9.30pm yesterday", "2026-06-09T21:30"),
    ("The ferry left at 6.15 a.m. on Sunday.", "6.15 a.m. on Sunday", "2026-06-07T06:15"),
    ("Polling stations closed at 2100 GMT.", "2100 GMT", "2026-06-10T21:00"),
    ("The ultimatum will expire at 0600 UTC on Friday.", "0600 UTC on Friday", "2026-06-12T06:00"),
])
def test_clock_times_with_a_dot_or_four_digits_and_a_time_zone(text, span, value):
    assert tx(text, "2026-06-10")[span] == ("TIME", value)


def test_numbers_that_are_not_clock_times():
    assert tx("Turnout rose 10.30 percent and the index gained 2.45 points.", "2026-06-10") == {}
    # a four-digit time restated in parentheses stays untagged (the local time is the timex)
    got = tx("The quake struck at 4 a.m. local time (2000 GMT) on Monday.", "2026-06-10")
    assert "2000 GMT" not in got and got["4 a.m. local time"] == ("TIME", "2026-06-08T04:00")


def test_second_before_a_noun_is_the_ordinal():
    assert tx("Farmers blocked the roads for a second day on Thursday.", "2026-06-12") == {
        "Thursday": ("DATE", "2026-06-11")}
    assert tx("She won a second term in 2024.", "2026-06-12") == {"2024": ("DATE", "2024")}
    assert tx("The lights went out for a second and came back.", "2026-06-12") == {
        "a second": ("DURATION", "PT1S")}


def test_forecast_and_projected_infinitives_look_ahead():
    got = _with_doc("Heavy rain is forecast to reach the coast on Sunday.", "2026-06-10")
    assert got == {"Sunday": "2026-06-14"}
    got = _with_doc("The river is projected to peak on Saturday.", "2026-06-10")
    assert got == {"Saturday": "2026-06-13"}
    # a past forecast says nothing about the DCT: the bare weekday looks back
    got = _with_doc("The storm was forecast to reach the coast on Sunday.", "2026-06-10")
    assert got == {"Sunday": "2026-06-07"}


def test_time_fronted_before_a_past_plan_dates_the_planning():
    got = _with_doc("On Monday, the council planned to reopen the bridge.", "2026-06-10")
    assert got == {"Monday": "2026-06-08"}
    # after the object, the time is the planned event's, still ahead
    got = _with_doc("Residents planned a march through the centre on Saturday.", "2026-06-10")
    assert got == {"Saturday": "2026-06-13"}


def test_overnight_is_the_night_before_the_story_day():
    got = tx("Markets in Tokyo slid on Wednesday, hit by overnight losses on Wall Street.", "2026-06-12")
    assert got["overnight"] == ("TIME", "2026-06-09TNI")
    assert tx("Rebels shelled the town overnight.", "2026-06-12") == {"overnight": ("TIME", "2026-06-11TNI")}
    # a background date weeks (or days) before the DCT is not the day of the story
    got = tx("The dam broke on May 2. Rescuers worked overnight to reach the villages.", "2026-06-12")
    assert got["overnight"] == ("TIME", "2026-06-11TNI")
    got = tx("At Monday's hearing the judge was blunt. The defence filed papers overnight.", "2026-06-12")
    assert got["overnight"] == ("TIME", "2026-06-11TNI")


def test_a_day_stated_by_present_be_lies_ahead():
    assert _with_doc("The referendum is on Sunday.", "2026-06-10") == {"Sunday": "2026-06-14"}
    assert _with_doc("The deadline for bids is Monday.", "2026-06-10") == {"Monday": "2026-06-15"}
    # a possessive names a day already reported; a past "was" looks back
    assert _with_doc("The winner of Sunday's race is in hospital.", "2026-06-10") == {"Sunday": "2026-06-07"}
    assert _with_doc("The referendum was on Sunday.", "2026-06-10") == {"Sunday": "2026-06-07"}


def test_bare_participle_clause_reports_a_past_event():
    # written in March: "announced in October" is last October even though the clause around it looks ahead
    got = _with_doc("The savings plan, announced in October, aims to cut costs by a fifth.", "2026-03-18")
    assert got == {"October": "2025-10"}
    got = _with_doc("The draft, leaked on Friday, would double the levy.", "2026-03-18")
    assert got == {"Friday": "2026-03-13"}
    # a participle of arrangement still looks ahead
    got = _with_doc("The summit, set for Friday, will focus on grain exports.", "2026-03-18")
    assert got == {"Friday": "2026-03-20"}


def test_quarter_is_labelled_by_the_year_it_ended_in():
    got = tx("The retailer lost money in the fiscal third quarter ended Feb. 28. In the quarter, sales fell "
             "4% from a year earlier.", "2026-03-19")
    assert got["the fiscal third quarter"] == ("DATE", "2026-Q3")
    assert got["the quarter"] == ("DATE", "2026-Q3")
    assert got["a year earlier"] == ("DATE", "2025-Q3")
    assert tx("Profit rose in the second quarter ended Dec. 31, 2025.", "2026-03-19")["the second quarter"] == (
        "DATE", "2025-Q2")
    # without a closing date the last completed such quarter is meant, as before
    assert tx("Profit rose in the third quarter.", "2026-03-19") == {"the third quarter": ("DATE", "2025-Q3")}


def test_end_or_start_of_the_week_is_the_current_week():
    assert spans("Ministers hope to agree by the end of the week.", "2026-06-10") == [
        ("the end of the week", "DATE", "2026-W24", "END")]
    assert spans("Ministers met at the start of the week.", "2026-06-10") == [
        ("the start of the week", "DATE", "2026-W24", "START")]


def test_the_day_before_or_after_a_named_day_is_one_date():
    assert tx("The day before last Thursday's hearing, the lawyers met.", "2026-06-10") == {
        "day before last Thursday": ("DATE", "2026-06-03")}
    assert tx("Shops reopened the day after Christmas.", "2026-06-10") == {
        "day after Christmas": ("DATE", "2025-12-26")}
    assert tx("He was detained the day after May 30.", "2026-06-10") == {"day after May 30": ("DATE", "2026-05-31")}
    # an event, not a date, keeps the event-relative reading
    assert tx("The day after the flood, roads were closed.", "2026-06-10") == {"day": ("DATE", "PAST_REF")}


def test_an_unanchored_day_after_an_event_follows_the_tense():
    assert tx("Days after the flood, the army was deployed.", "2026-06-10")["Days"] == ("DATE", "PAST_REF")
    assert tx("Days after the vote, the new cabinet will be sworn in.", "2026-06-10")["Days"] == ("DATE", "FUTURE_REF")


def test_half_an_hour():
    assert spans("The hearing lasted half an hour.", "2026-06-10") == [("half an hour", "DURATION", "PT30M", None)]
    assert tx("Talks went on for an hour and a half.", "2026-06-10") == {"an hour and a half": ("DURATION", "PT1H30M")}


def test_capitalised_frequency_words_in_titles_are_not_sets():
    assert tx("The story ran in the Grimsby Daily Courier on Monday.", "2026-06-10") == {"Monday": ("DATE", "2026-06-08")}
    assert tx("She writes for the Weekly Observer.", "2026-06-10") == {}
    assert tx("He told Morning News Daily that he would run.", "2026-06-10") == {}
    # lower case, or at the head of a sentence before a common noun, it is the frequency
    assert tx("Daily flights resume next week.", "2026-06-10")["Daily"] == ("SET", "P1D")
    assert tx("The paper is published daily.", "2026-06-10") == {"daily": ("SET", "P1D")}


def test_an_en_dash_after_a_full_date_is_punctuation():
    assert tx("He testified on March 3, 2021\u2013two days after the raid.", "2026-06-10")["March 3, 2021"] == (
        "DATE", "2021-03-03")
    got = spans("The fair ran Feb. 27\u2013March 1.", "2026-06-10")
    assert [g[:3] for g in got] == [("Feb. 27", "DATE", "2026-02-27"), ("March 1", "DATE", "2026-03-01")]


def test_a_holiday_modifying_a_noun_names_the_nearest_season():
    # early December, past tense: the office party was this season's, the holiday spent was last year's
    assert tx("Guests left the Christmas party early.", "2026-12-04") == {"Christmas": ("DATE", "2026-12-25")}
    assert tx("They celebrated Christmas with relatives.", "2026-12-04") == {"Christmas": ("DATE", "2025-12-25")}


def test_now_inside_a_name_is_not_a_timex():
    assert tx("The ads were paid for by the Freedom Now PAC.", "2026-06-10") == {}
    assert tx("Now the party must choose.", "2026-06-10") == {"Now": ("DATE", "PRESENT_REF")}


def test_time_stamps_of_a_live_report_are_on_the_dct():
    text = ("Live updates (all times local):\n\n4:20 p.m.:\n\nThe vote will be held on Thursday evening.\n\n"
            "___\n\n2:05 p.m.\n\nProtesters gathered outside.\n")
    got = tx(text, "2026-06-09")
    assert got["4:20 p.m."] == ("TIME", "2026-06-09T16:20")
    assert got["Thursday evening"] == ("DATE", "2026-06-11TEV")
    assert got["2:05 p.m."] == ("TIME", "2026-06-09T14:05")


def test_participle_after_a_modal_is_no_past_cue():
    assert tx("The budget will be debated on Thursday.", "2026-06-09") == {"Thursday": ("DATE", "2026-06-11")}
    assert tx("The budget was debated on Thursday.", "2026-06-09") == {"Thursday": ("DATE", "2026-06-04")}


def test_participle_adjunct_takes_the_tense_of_its_clause():
    got = _with_doc("The mayor joined the protest, announcing on Monday she would sue the state.", "2026-06-10")
    assert got == {"Monday": "2026-06-08"}
    got = _with_doc("Rebels will march on the capital, hoping to arrive on Sunday.", "2026-06-10")
    assert got == {"Sunday": "2026-06-14"}


def test_a_weekday_coordinated_with_a_forward_one_looks_forward_too():
    got = tx("A ruling could come as soon as Tuesday or Wednesday.", "2026-06-09")
    assert got == {"Tuesday": ("DATE", "2026-06-09"), "Wednesday": ("DATE", "2026-06-10")}
    # in a past clause each keeps its own (past) reading
    got = tx("Statements released Tuesday and Monday were read out.", "2026-06-09")
    assert got == {"Tuesday": ("DATE", "2026-06-09"), "Monday": ("DATE", "2026-06-08")}


def test_capitalised_relative_words_inside_a_name_are_not_timexes():
    assert tx("The senator told CBS's Face The Nation This Week that he would run.", "2026-06-10") == {}
    assert tx("A Harbour TODAY survey found the opposite.", "2026-06-10") == {}
    # at the head of a sentence, or shouted on its own, the time reading stays
    assert tx("This week, the council voted.", "2026-06-10") == {"This week": ("DATE", "2026-W24")}
    assert tx("The vote is TODAY.", "2026-06-10") == {"TODAY": ("DATE", "2026-06-10")}


def test_the_past_before_a_counted_noun_is_an_adjective():
    assert tx("The past two mayors both lost re-election.", "2026-06-10") == {}
    assert tx("Such fires have happened in the past.", "2026-06-10") == {"the past": ("DATE", "PAST_REF")}
    assert tx("The past two years were hard.", "2026-06-10") == {"The past two years": ("DURATION", "P2Y")}


def test_infinitive_after_a_past_verb_and_infinitival_relatives():
    got = _with_doc("The minister struggled to answer a question on Sunday about how he would pay for it.", "2026-06-10")
    assert got == {"Sunday": "2026-06-07"}
    got = _with_doc("She was rewriting a speech, to be delivered Friday in Lyon, on farm subsidies.", "2026-06-10")
    assert got == {"Friday": "2026-06-12"}


def test_weekday_closing_a_quoted_title_is_not_a_timex():
    assert tx("He dodged the question three times on ''Capitol Report Sunday'' last month.", "2026-06-10") == {
        "last month": ("DATE", "2026-05")}
    assert tx("The \u201cvote on Sunday\u201d was close.", "2026-06-10") == {"Sunday": ("DATE", "2026-06-07")}


def test_a_month_a_finite_past_verb_dates_holds_for_a_whole_year():
    # written in January: "proposed ... in October" is last October, not the coming one
    got = _with_doc("In October, the minister proposed a tax on sugar.", "2026-01-14")
    assert got == {"October": "2025-10"}
    got = _with_doc("The band first played the hall in March, long before the tour.", "2026-01-14")
    assert got == {"March": "2025-03"}
    # inside a noun phrase the month keeps the nearest reading
    got = _with_doc("Traders sold the March contract.", "2026-01-14")
    assert got == {"March": "2026-03"}


def test_a_passive_plan_looks_ahead_and_decisions_are_no_past_infinitives():
    got = _with_doc("The official said the handover was planned for early March.", "2026-02-10")
    assert got == {"early March": "2026-03"}
    got = _with_doc("The league decided to admit two clubs in early March.", "2026-02-10")
    assert got == {"early March": "2026-03"}


def test_possessive_weekday_under_a_plain_will_lies_ahead():
    got = _with_doc("The mayor says she will do well in Tuesday's runoff.", "2026-06-08")
    assert got == {"Tuesday": "2026-06-09"}
    # reported "would" and past clauses keep the possessive reading (a day already reported)
    got = _with_doc("Her aides said they would appeal Tuesday's ruling.", "2026-06-08")
    assert got == {"Tuesday": "2026-06-02"}


def test_at_the_time_is_the_time_spoken_of():
    assert tx("The minister said at the time that the plan was sound.", "2026-06-10") == {
        "the time": ("DATE", "PAST_REF")}
    assert tx("At the time of writing nobody had claimed the attack.", "2026-06-10") == {}
    assert tx("At the same time, prices rose.", "2026-06-10") == {}


def test_vague_period_before_an_event_takes_the_year_last_named():
    got = tx("The affair dates to 2019, when the party's campaign was short of cash. Withdrawals were made in "
             "the months before the election.", "2026-06-10")
    assert got["months"] == ("DATE", "2019")
    # a year bounding a period ("since 2015") dates no event
    got = tx("He has been arrested often since 2015. His van was seen in the weeks before the fire.", "2026-06-10")
    assert got["weeks"] == ("DATE", "PAST_REF")


def test_a_unit_repeated_after_itself_is_no_date():
    assert tx("The show topped the ratings week after week.", "2026-06-10") == {}


def test_an_age_written_apart_and_a_determiner_before_a_seconds_compound():
    assert tx("She lost her 19 year-old brother in the flood.", "2026-06-10") == {}
    assert tx("A day-long strike shut the port.", "2026-06-10") == {"day-long": ("DURATION", "P1D")}
    assert spans("The 30-second advert aired twice.", "2026-06-10") == [("30-second", "DURATION", "PT30S", None)]


def test_weekday_of_the_week_named_after_it():
    got = tx("The talks opened on Tuesday last week.", "2026-06-10")
    assert got["Tuesday"] == ("DATE", "2026-06-02") and got["last week"] == ("DATE", "2026-W23")
    assert tx("The talks will open on Monday next week.", "2026-06-10")["Monday"] == ("DATE", "2026-06-15")


def test_present_passive_of_an_arrangement_looks_ahead():
    assert _with_doc("The appeal hearing is set for 10 a.m. Thursday.", "2026-06-10") == {
        "10 a.m. Thursday": "2026-06-11T10:00"}
    assert _with_doc("The verdict is expected on Friday.", "2026-06-10") == {"Friday": "2026-06-12"}
    assert _with_doc("She set a national record on Monday.", "2026-06-10") == {"Monday": "2026-06-08"}
