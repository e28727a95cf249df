using Stretching.Core.History;
using Stretching.Core.Planning;
using Stretching.Core.Sessions;
using static Stretching.Core.Tests.History.Records;

namespace Stretching.Core.Tests.History;

/// <summary>Consistency against the plan (W2): planned, done and missed per day and per ISO week, rest days kept, no streaks.</summary>
public sealed class ConsistencyTests
{
    private static readonly DateOnly Monday = new(2026, 11, 9);
    private static readonly DateOnly NextMonday = Monday.AddDays(7);

    private static WeeklyPlan Plan(params DayOfWeek[] days) => new()
    {
        TimeZone = Berlin,
        Slots = days.Select(d => new PlanSlot(d.ToString()[..3].ToLowerInvariant(), d, new TimeOnly(19, 30), new SlotPlay.Routine("base"))).ToList(),
    };

    private static readonly WeeklyPlan MonWedFri = Plan(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday);

    [Fact]
    public void W2_AWeekCountsPlannedDoneAndMissedSessionsAndRestDaysKeepThePlan()
    {
        SessionRecord[] records =
        [
            At("linked", Local("2026-11-09 19:35")) with { OccurrenceId = "mon-20261109" },
            At("same-day", Local("2026-11-11 20:00")),
            At("saturday", Local("2026-11-14 10:00")),
        ];

        var report = Consistency.Of(MonWedFri, records, Monday, NextMonday, today: NextMonday);

        Assert.Equal(
            [DayStatus.Done, DayStatus.Rest, DayStatus.Done, DayStatus.Rest, DayStatus.Missed, DayStatus.DoneUnplanned, DayStatus.Rest],
            report.Days.Select(d => d.Status));
        var week = Assert.Single(report.Weeks);
        Assert.Equal(Monday, week.WeekStart);
        Assert.Equal((3, 2, 1, 1, 3), (week.Planned, week.PlayedAsPlanned, week.Missed, week.Extra, week.Done));
        Assert.Equal((7, 6), (week.DaysSettled, week.DaysKept));
        Assert.Equal(6 / 7.0, week.ShareKept);
    }

    [Fact]
    public void W2_TodayAndLaterDaysAreStillPlannedAndDoNotCountYet()
    {
        var records = new[] { At("monday", Local("2026-11-09 19:30")) };

        var report = Consistency.Of(MonWedFri, records, Monday, NextMonday, today: Monday.AddDays(2));

        Assert.Equal(
            [DayStatus.Done, DayStatus.Rest, DayStatus.Planned, DayStatus.Rest, DayStatus.Planned, DayStatus.Rest, DayStatus.Rest],
            report.Days.Select(d => d.Status));
        var week = Assert.Single(report.Weeks);
        Assert.Equal((3, 1, 0, 2), (week.Planned, week.PlayedAsPlanned, week.Missed, week.Upcoming));
        Assert.Equal(1.0, week.ShareKept);
    }

    [Fact]
    public void W2_AWeekNotStartedHasNoShareYet()
    {
        var report = Consistency.Of(MonWedFri, [], Monday, NextMonday, today: Monday.AddDays(-1));

        Assert.Null(Assert.Single(report.Weeks).ShareKept);
        Assert.All(report.Days, d => Assert.False(d.IsSettled));
    }

    [Fact]
    public void ASessionPlayedThroughItsLinkOnAnotherDayKeepsItsOwnOccurrence()
    {
        var records = new[] { At("early", Local("2026-11-10 18:00")) with { OccurrenceId = "wed-20261111" } };

        var report = Consistency.Of(MonWedFri, records, Monday, NextMonday, today: NextMonday);

        Assert.Equal(DayStatus.Rest, report.Days[1].Status);
        Assert.Equal(DayStatus.Done, report.Days[2].Status);
        Assert.Equal(1, report.Days[2].PlayedAsPlanned);
    }

    [Fact]
    public void DatesAreReadInThePlansZoneSoHalfPastMidnightIsTheNextDay()
    {
        // 23:30 UTC on Monday is 00:30 on Tuesday in Berlin.
        var records = new[] { At("late", DateTimeOffset.Parse("2026-11-09T23:30:00Z"), zone: "America/New_York") };

        var report = Consistency.Of(Plan(DayOfWeek.Monday), records, Monday, Monday.AddDays(2), today: NextMonday);

        Assert.Equal([DayStatus.Missed, DayStatus.DoneUnplanned], report.Days.Select(d => d.Status));
    }

    [Fact]
    public void W2_ASecondSessionOnAPlannedDayIsAnExtraNeverAMiss()
    {
        var records = new[] { At("one", Local("2026-11-09 08:00")), At("two", Local("2026-11-09 19:30")) };

        var day = Consistency.Of(MonWedFri, records, Monday, Monday.AddDays(1), today: NextMonday).Days.Single();

        Assert.Equal(DayStatus.Done, day.Status);
        Assert.Equal((1, 1, 2), (day.PlayedAsPlanned, day.Extra, day.Done));
    }

    [Fact]
    public void ASessionSkippedThroughIsNotPlayed()
    {
        var skipped = At("skipped", Local("2026-11-09 19:30")) with { Items = [new RecordItem("sphinx", null, ItemStatus.Skipped, 0)] };

        var day = Consistency.Of(MonWedFri, [skipped], Monday, Monday.AddDays(1), today: NextMonday).Days.Single();

        Assert.Equal(DayStatus.Missed, day.Status);
    }

    [Fact]
    public void AMovedSessionIsPlannedOnTheDayItMovedTo()
    {
        var plan = MonWedFri with { Exceptions = [new SlotException("fri", new DateOnly(2026, 11, 13), Skipped: false, MovedToDate: new DateOnly(2026, 11, 14))] };
        var records = new[] { At("saturday", Local("2026-11-14 11:00")) };

        var report = Consistency.Of(plan, records, Monday.AddDays(4), NextMonday, today: NextMonday);

        Assert.Equal([DayStatus.Rest, DayStatus.Done, DayStatus.Rest], report.Days.Select(d => d.Status));
    }

    [Fact]
    public void AnOccurrenceGivenTwiceIsPlannedOnce()
    {
        var occurrences = PlanCalendar.Occurrences(MonWedFri, Monday, NextMonday);

        var report = Consistency.Of([.. occurrences, .. occurrences], Berlin, [], Monday, NextMonday, today: NextMonday);

        Assert.Equal(3, Assert.Single(report.Weeks).Planned);
    }

    [Fact]
    public void WithoutAPlanEveryDayIsRestOrDoneAndEveryWeekIsKept()
    {
        var records = new[] { At("one", Local("2026-11-10 19:00")) };

        var report = Consistency.Of([], Berlin, records, Monday, NextMonday.AddDays(7), today: NextMonday.AddDays(7));

        Assert.Equal(DayStatus.DoneUnplanned, report.Days[1].Status);
        Assert.All(report.Days.Where(d => d.Date != Monday.AddDays(1)), d => Assert.Equal(DayStatus.Rest, d.Status));
        Assert.All(report.Weeks, w => Assert.Equal(1.0, w.ShareKept));
    }

    [Fact]
    public void W2_AMissedWeekLeavesTheNextWeekWhole_ConsistencyNotStreaks()
    {
        var records = Enumerable.Range(0, 3).Select(i => At($"r{i}", Local($"2026-11-{16 + 2 * i} 19:30"))).ToList();

        var report = Consistency.Of(MonWedFri, records, Monday, NextMonday.AddDays(7), today: NextMonday.AddDays(7));

        Assert.Equal([4 / 7.0, 1.0], report.Weeks.Select(w => w.ShareKept));
    }

    [Fact]
    public void W2_OnGeneratedPlansAndHistoriesSharesStayWithinZeroAndOneAndEveryCountAddsUp()
    {
        var random = new Random(20261109);
        for (var run = 0; run < 300; run++)
        {
            var plan = RandomPlan(random);
            var from = Monday.AddDays(random.Next(-10, 10));
            var to = from.AddDays(random.Next(0, 60));
            var today = from.AddDays(random.Next(-5, 70));
            var occurrences = PlanCalendar.Occurrences(plan, from, to);
            var records = RandomRecords(random, occurrences, from, to);
            var context = $"run {run}";

            var report = Consistency.Of(plan, records, from, to, today);

            Assert.Equal(to.DayNumber - from.DayNumber, report.Days.Count);
            Assert.Equal(occurrences.Count, report.Days.Sum(d => d.Planned));
            // Every played record is either a planned session kept or an extra, exactly once.
            Assert.Equal(records.Count(r => r.Items.Any(i => i.Status == ItemStatus.Done)), report.Days.Sum(d => d.Done));
            foreach (var day in report.Days)
            {
                Assert.True(day.Upcoming >= 0 && day.Missed >= 0 && day.PlayedAsPlanned >= 0, context);
                Assert.True(day.Missed == 0 || day.Date < today, $"{context}: {day.Date} is missed before it is over");
                if (day.Planned == 0) Assert.True(day.Status is DayStatus.Rest or DayStatus.DoneUnplanned, $"{context}: {day.Date} with nothing planned is {day.Status}");
                if (day.Planned == 0 && day.IsSettled) Assert.True(day.IsKept, $"{context}: a rest day {day.Date} is not kept");
            }
            foreach (var week in report.Weeks)
            {
                var days = report.Days.Where(d => PlanCalendar.WeekStart(d.Date) == week.WeekStart).ToList();
                Assert.Equal(week.Planned, week.PlayedAsPlanned + week.Missed + week.Upcoming);
                Assert.Equal(days.Sum(d => d.Done), week.Done);
                Assert.Equal(days.Count(d => d.IsKept), week.DaysKept);
                Assert.True(week.ShareKept is null or >= 0 and <= 1, $"{context}: share {week.ShareKept}");
            }

            var shuffled = records.OrderBy(_ => random.Next()).ToList();
            Assert.Equal(report.Days, Consistency.Of(plan, shuffled, from, to, today).Days);
        }
    }

    private static WeeklyPlan RandomPlan(Random random)
    {
        var slots = Enum.GetValues<DayOfWeek>().Where(_ => random.NextDouble() < 0.5)
            .Select(d => new PlanSlot(d.ToString(), d, new TimeOnly(random.Next(6, 23), 0), new SlotPlay.Routine("base")))
            .ToList();
        var exceptions = slots.Where(_ => random.NextDouble() < 0.3).Select(s =>
        {
            var date = Monday.AddDays(PlanRules.WeekdayIndex(s.Day) + 7 * random.Next(-1, 5));
            return random.NextDouble() < 0.5
                ? new SlotException(s.Id, date, Skipped: true)
                : new SlotException(s.Id, date, Skipped: false, MovedToDate: date.AddDays(random.Next(-3, 4)));
        }).ToList();
        return new WeeklyPlan { TimeZone = Berlin, Slots = slots, Exceptions = exceptions };
    }

    /// <summary>Sessions on random days of the range, some linked to an occurrence (or to one that no longer exists), some skipped through.</summary>
    private static List<SessionRecord> RandomRecords(Random random, IReadOnlyList<Occurrence> occurrences, DateOnly from, DateOnly to)
    {
        var records = new List<SessionRecord>();
        for (var i = 0; i < random.Next(0, 40) && to > from; i++)
        {
            var date = from.AddDays(random.Next(to.DayNumber - from.DayNumber));
            var record = At($"r{i}", Local($"{date:yyyy-MM-dd} {random.Next(0, 24):00}:{random.Next(0, 60):00}"))
                with { Items = [new RecordItem("sphinx", null, random.NextDouble() < 0.9 ? ItemStatus.Done : ItemStatus.Skipped, 30)] };
            var link = random.NextDouble();
            if (link < 0.4 && occurrences.Count > 0)
            {
                var o = occurrences[random.Next(occurrences.Count)];
                record = record with { OccurrenceId = PlanCalendar.OccurrenceId(o.Slot.Id, o.Date) };
            }
            else if (link < 0.5)
            {
                record = record with { OccurrenceId = "gone-20260101" };
            }
            records.Add(record);
        }
        return records;
    }
}
