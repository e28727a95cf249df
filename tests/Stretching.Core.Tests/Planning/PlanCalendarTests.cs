using Stretching.Core.Planning;
using Stretching.Core.Sessions;

namespace Stretching.Core.Tests.Planning;

public sealed class PlanCalendarTests
{
    private const string Berlin = "Europe/Berlin";
    private const string NewYork = "America/New_York";
    private static readonly TimeOnly Evening = new(19, 30);

    [Theory]
    // Berlin: summer time from 29 March 2026, back to winter time on 25 October 2026.
    [InlineData(Berlin, "2026-03-26", "2026-03-26T18:30:00Z", "2026-04-02", "2026-04-02T17:30:00Z")]
    [InlineData(Berlin, "2026-10-22", "2026-10-22T17:30:00Z", "2026-10-29", "2026-10-29T18:30:00Z")]
    // New York: daylight time from 8 March 2026, back to standard time on 1 November 2026.
    [InlineData(NewYork, "2026-03-05", "2026-03-06T00:30:00Z", "2026-03-12", "2026-03-12T23:30:00Z")]
    [InlineData(NewYork, "2026-10-29", "2026-10-29T23:30:00Z", "2026-11-05", "2026-11-06T00:30:00Z")]
    public void W3AnEveningSlotKeepsItsLocalTimeAcrossADaylightSavingChangeWhileItsUtcInstantShiftsByAnHour(
        string zone, string before, string beforeUtc, string after, string afterUtc)
    {
        var plan = Plan(zone, Slot("thu", DayOfWeek.Thursday, Evening));

        var occurrences = PlanCalendar.Occurrences(plan, DateOnly.Parse(before), DateOnly.Parse(after).AddDays(1));

        Assert.Equal(2, occurrences.Count);
        Assert.All(occurrences, o => Assert.Equal(Evening, TimeOnly.FromDateTime(o.LocalStart)));
        Assert.All(occurrences, o => Assert.Equal(DateTimeKind.Unspecified, o.LocalStart.Kind));
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.Zero, o.Start.Offset));
        Assert.Equal(DateTimeOffset.Parse(beforeUtc), occurrences[0].Start);
        Assert.Equal(DateTimeOffset.Parse(afterUtc), occurrences[1].Start);
        Assert.Equal(TimeSpan.FromHours(1), (occurrences[1].Start - occurrences[0].Start - TimeSpan.FromDays(7)).Duration());
    }

    [Theory]
    [InlineData(Berlin, "2026-03-29", "2026-03-29T01:30:00Z")]
    [InlineData(NewYork, "2026-03-08", "2026-03-08T07:30:00Z")]
    public void ATimeInTheSpringForwardGapStartsAsMuchLaterAsTheGapIsLong(string zone, string date, string utc)
    {
        var plan = Plan(zone, Slot("sun", DayOfWeek.Sunday, new TimeOnly(2, 30)));
        var day = DateOnly.Parse(date);

        var occurrence = Assert.Single(PlanCalendar.Occurrences(plan, day, day.AddDays(1)));

        Assert.Equal(DateTimeOffset.Parse(utc), occurrence.Start);
        Assert.Equal(day.ToDateTime(new TimeOnly(3, 30)), occurrence.LocalStart);
        Assert.Equal(day, occurrence.Date);
        Assert.False(occurrence.Moved);
    }

    [Theory]
    [InlineData(Berlin, "2026-10-25", "02:30", "2026-10-25T00:30:00Z")]
    [InlineData(NewYork, "2026-11-01", "01:30", "2026-11-01T05:30:00Z")]
    public void ATimeTheClockShowsTwiceStartsAtTheFirstStillInDaylightTime(string zone, string date, string time, string utc)
    {
        var plan = Plan(zone, Slot("sun", DayOfWeek.Sunday, TimeOnly.Parse(time)));
        var day = DateOnly.Parse(date);

        var occurrence = Assert.Single(PlanCalendar.Occurrences(plan, day, day.AddDays(1)));

        Assert.Equal(DateTimeOffset.Parse(utc), occurrence.Start);
        Assert.Equal(day.ToDateTime(TimeOnly.Parse(time)), occurrence.LocalStart);
    }

    [Fact]
    public void ASkippedOccurrenceIsGoneAndTheOtherWeeksStay()
    {
        var monday = new DateOnly(2026, 6, 1);
        var plan = Plan(Berlin, Slot("mon", DayOfWeek.Monday, Evening)) with
        {
            Exceptions = [new SlotException("mon", monday.AddDays(7), Skipped: true)],
        };

        var occurrences = PlanCalendar.Occurrences(plan, monday, monday.AddDays(21));

        Assert.Equal([monday, monday.AddDays(14)], occurrences.Select(o => o.Date));
    }

    [Fact]
    public void AMovedOccurrenceKeepsItsOwnDateAndIdAndStartsWhereItWasMovedTo()
    {
        var monday = new DateOnly(2026, 6, 1);
        var plan = Plan(Berlin, Slot("mon", DayOfWeek.Monday, Evening), Slot("wed", DayOfWeek.Wednesday, Evening)) with
        {
            Exceptions = [new SlotException("mon", monday, Skipped: false, MovedToDate: monday.AddDays(1), MovedToTime: new TimeOnly(18, 0))],
        };

        var occurrences = PlanCalendar.Occurrences(plan, monday, monday.AddDays(7));

        Assert.Equal(["mon", "wed"], occurrences.Select(o => o.Slot.Id));
        var moved = occurrences[0];
        Assert.True(moved.Moved);
        Assert.Equal(monday, moved.Date);
        Assert.Equal(monday.AddDays(1).ToDateTime(new TimeOnly(18, 0)), moved.LocalStart);
        Assert.Equal(DateTimeOffset.Parse("2026-06-02T16:00:00Z"), moved.Start);
        Assert.Equal("mon-20260601", PlanCalendar.OccurrenceId(moved.Slot.Id, moved.Date));
    }

    [Fact]
    public void AMoveToAnotherTimeOnlyKeepsTheDay()
    {
        var monday = new DateOnly(2026, 6, 1);
        var plan = Plan(Berlin, Slot("mon", DayOfWeek.Monday, Evening)) with
        {
            Exceptions = [new SlotException("mon", monday, Skipped: false, MovedToTime: new TimeOnly(20, 15))],
        };

        var moved = Assert.Single(PlanCalendar.Occurrences(plan, monday, monday.AddDays(1)));

        Assert.Equal(monday.ToDateTime(new TimeOnly(20, 15)), moved.LocalStart);
        Assert.True(moved.Moved);
    }

    [Fact]
    public void AnOccurrenceMovedIntoTheWindowIsInItAndOneMovedOutIsNot()
    {
        var monday = new DateOnly(2026, 6, 1);
        var plan = Plan(Berlin, Slot("mon", DayOfWeek.Monday, Evening)) with
        {
            Exceptions =
            [
                // The week before, moved into this week; this week's, moved into the next.
                new SlotException("mon", monday.AddDays(-7), Skipped: false, MovedToDate: monday.AddDays(2)),
                new SlotException("mon", monday, Skipped: false, MovedToDate: monday.AddDays(8)),
            ],
        };

        var occurrence = Assert.Single(PlanCalendar.Occurrences(plan, monday, monday.AddDays(7)));

        Assert.Equal(monday.AddDays(-7), occurrence.Date);
        Assert.Equal(monday.AddDays(2).ToDateTime(Evening), occurrence.LocalStart);
        Assert.Equal(2, PlanCalendar.Occurrences(plan, monday.AddDays(7), monday.AddDays(14)).Count);
    }

    [Fact]
    public void AChangeForADateTheSlotDoesNotFallOnIsIgnoredAndTheLastChangeToAnOccurrenceWins()
    {
        var monday = new DateOnly(2026, 6, 1);
        var plan = Plan(Berlin, Slot("mon", DayOfWeek.Monday, Evening)) with
        {
            Exceptions =
            [
                new SlotException("mon", monday.AddDays(1), Skipped: true),
                new SlotException("gone", monday, Skipped: true),
                new SlotException("mon", monday.AddDays(7), Skipped: true),
                new SlotException("mon", monday.AddDays(7), Skipped: false, MovedToTime: new TimeOnly(21, 0)),
            ],
        };

        var occurrences = PlanCalendar.Occurrences(plan, monday, monday.AddDays(14));

        Assert.Equal([Evening, new TimeOnly(21, 0)], occurrences.Select(o => TimeOnly.FromDateTime(o.LocalStart)));
    }

    [Fact]
    public void OccurrencesOfGeneratedPlansAreSortedShowTheirSlotTimesAndSplitWindowsAddUp()
    {
        var random = new Random(20260329);
        string[] zones = [Berlin, NewYork, "Australia/Sydney", "Asia/Kolkata", "UTC", "America/Sao_Paulo", "Australia/Lord_Howe"];
        for (var i = 0; i < 300; i++)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zones[random.Next(zones.Length)]);
            var slots = Enumerable.Range(0, random.Next(1, 8))
                .Select(n => Slot($"s{n}", (DayOfWeek)random.Next(7), new TimeOnly(random.Next(24), random.Next(4) * 15)))
                .ToList();
            var plan = Plan(zone.Id, [.. slots]);
            var from = new DateOnly(2026, 1, 1).AddDays(random.Next(365));
            var middle = from.AddDays(random.Next(1, 30));
            var to = middle.AddDays(random.Next(1, 30));

            var whole = PlanCalendar.Occurrences(plan, from, to);

            Assert.Equal(Expected(plan, from, to), whole.Count);
            Assert.Equal(whole.OrderBy(o => o.Start), whole);
            foreach (var occurrence in whole)
            {
                Assert.Equal(occurrence.LocalStart, TimeZoneInfo.ConvertTimeFromUtc(occurrence.Start.UtcDateTime, zone));
                var shift = occurrence.LocalStart - occurrence.Date.ToDateTime(occurrence.Slot.Time);
                // Only a time in a spring-forward gap moves, and only forward, by less than the gap (at most an hour).
                Assert.True(shift >= TimeSpan.Zero && shift <= TimeSpan.FromHours(1), $"{zone.Id} {occurrence.Date} {occurrence.Slot.Time}: moved by {shift}");
                Assert.Equal(shift != TimeSpan.Zero, zone.IsInvalidTime(occurrence.Date.ToDateTime(occurrence.Slot.Time)));
            }
            var split = PlanCalendar.Occurrences(plan, from, middle).Concat(PlanCalendar.Occurrences(plan, middle, to));
            Assert.Equal(whole, split);
        }

        static int Expected(WeeklyPlan plan, DateOnly from, DateOnly to) =>
            Enumerable.Range(0, to.DayNumber - from.DayNumber).Sum(d => plan.Slots.Count(s => s.Day == from.AddDays(d).DayOfWeek));
    }

    [Fact]
    public void TheWeekStartsOnTheMondayOfItsIsoWeek()
    {
        Assert.Equal(new DateOnly(2026, 3, 23), PlanCalendar.WeekStart(new DateOnly(2026, 3, 29)));
        Assert.Equal(new DateOnly(2026, 3, 23), PlanCalendar.WeekStart(new DateOnly(2026, 3, 23)));
        Assert.Equal(new DateOnly(2025, 12, 29), PlanCalendar.WeekStart(new DateOnly(2026, 1, 1)));
        for (var date = new DateOnly(2026, 1, 1); date.Year == 2026; date = date.AddDays(1))
        {
            var start = PlanCalendar.WeekStart(date);
            Assert.Equal(DayOfWeek.Monday, start.DayOfWeek);
            Assert.InRange(date.DayNumber - start.DayNumber, 0, 6);
        }
    }

    [Fact]
    public void APresetSeedIsTheSameOnEveryRunAndMachine()
    {
        // SHA-256 of "monday|2026-03-23", its first four bytes big-endian, sign bit cleared (checked with
        // another implementation): a change of runtime, encoding or hash that moved it would change every planned session.
        Assert.Equal(1369741297, PlanCalendar.PresetSeed("monday", new DateOnly(2026, 3, 23)));
    }

    [Fact]
    public void PresetSeedsDifferBySlotAndWeekAndAreNeverNegative()
    {
        var week = new DateOnly(2026, 3, 23);
        var seeds = Enumerable.Range(0, 200)
            .SelectMany(w => new[] { "monday", "tuesday" }.Select(slot => PlanCalendar.PresetSeed(slot, week.AddDays(7 * w))))
            .ToList();

        Assert.All(seeds, seed => Assert.True(seed >= 0));
        Assert.Equal(seeds.Count, seeds.Distinct().Count());
        Assert.Throws<ArgumentException>(() => PlanCalendar.PresetSeed("monday", week.AddDays(1)));
    }

    [Fact]
    public void APresetPlaysWithTheSeedOfItsOwnWeekEvenWhenMoved()
    {
        var preset = new SlotPlay.Preset(new SessionInput { Minutes = 30, Level = "beginner" });
        var slot = new PlanSlot("sunday", DayOfWeek.Sunday, Evening, preset);
        var sunday = new DateOnly(2026, 3, 29);

        var input = PlanCalendar.PresetInput(slot, sunday)!;

        Assert.Equal(PlanCalendar.PresetSeed("sunday", new DateOnly(2026, 3, 23)), input.Seed);
        Assert.Equal(preset.Request with { Seed = input.Seed }, input);
        Assert.Null(PlanCalendar.PresetInput(slot with { Play = new SlotPlay.Routine("female-2") }, sunday));
    }

    private static PlanSlot Slot(string id, DayOfWeek day, TimeOnly time) => new(id, day, time, new SlotPlay.Routine("twelve-back-stretches"));

    private static WeeklyPlan Plan(string zone, params PlanSlot[] slots) => new() { TimeZone = zone, Slots = slots };
}
