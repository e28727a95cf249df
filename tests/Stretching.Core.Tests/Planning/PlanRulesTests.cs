using Stretching.Core.Catalog;
using Stretching.Core.Planning;
using Stretching.Core.Sessions;
using static Stretching.Core.Planning.PlanRules.Codes;

namespace Stretching.Core.Tests.Planning;

public sealed class PlanRulesTests
{
    private static readonly IReadOnlyList<Routine> Routines = CatalogFiles.LoadRoutines(RepositoryPaths.Data);
    private static readonly TimeOnly Evening = new(19, 30);

    [Theory]
    [InlineData(3, TooFewSessions)]
    [InlineData(4, null)]
    [InlineData(6, null)]
    public void W2BackHealthWantsFourToSixSessionsAWeek(int sessions, string? code)
    {
        var plan = Plan(PlanGoal.BackHealth, Days(sessions));

        Assert.Equal(code is null ? [] : [code], Codes(plan));
    }

    [Fact]
    public void W2BackHealthWithSessionsEveryDayHasTooManyAndNoRestDay()
    {
        var plan = Plan(PlanGoal.BackHealth, Days(7));

        Assert.Equal([TooManySessions, NoRestDay], Codes(plan));
    }

    [Fact]
    public void W2BackHealthWithSevenSessionsOnSixDaysStillHasItsRestDay()
    {
        var plan = Plan(PlanGoal.BackHealth, [.. Days(6), Slot("mon-late", DayOfWeek.Monday)]);

        Assert.Equal([TooManySessions, SeveralOnOneDay], Codes(plan));
    }

    [Fact]
    public void W2ADancerStretchesEveryDayAndIsToldWhichDaysAreMissing()
    {
        var warning = Assert.Single(PlanRules.Warnings(Plan(PlanGoal.Dancer, Days(5)), MinutesOf));

        Assert.Equal(TooFewSessions, warning.Code);
        Assert.Contains("Saturday and Sunday", warning.Text);
        Assert.Empty(PlanRules.Warnings(Plan(PlanGoal.Dancer, Days(7)), MinutesOf));
    }

    [Theory]
    [InlineData(1, TooFewSessions)]
    [InlineData(2, null)]
    [InlineData(3, null)]
    [InlineData(4, TooManySessions)]
    public void W2NextToStrengthAndCardioTwoOrThreeSessionsAreEnough(int sessions, string? code)
    {
        var plan = Plan(PlanGoal.StrengthAndCardio, Days(sessions));

        Assert.Equal(code is null ? [] : [code], Codes(plan));
    }

    [Fact]
    public void W2AnEmptyWeekHasTooFewSessions()
    {
        Assert.Equal([TooFewSessions], Codes(Plan(PlanGoal.BackHealth)));
    }

    [Fact]
    public void W2TwoSessionsOnOneDayAreNamedTogether()
    {
        var plan = Plan(PlanGoal.BackHealth, [.. Days(4), Slot("mon-late", DayOfWeek.Monday)]);

        var warning = Assert.Single(PlanRules.Warnings(plan, MinutesOf), w => w.Code == SeveralOnOneDay);

        Assert.Equal(["mon", "mon-late"], warning.SlotIds.Order());
    }

    [Theory]
    [InlineData(PlanGoal.BackHealth, 29, SessionTooShort)]
    [InlineData(PlanGoal.StrengthAndCardio, 20, SessionTooShort)]
    [InlineData(PlanGoal.Dancer, 20, null)]
    [InlineData(PlanGoal.BackHealth, 30, null)]
    [InlineData(PlanGoal.BackHealth, 14, BelowDailyMinimum)]
    [InlineData(PlanGoal.Dancer, 10, BelowDailyMinimum)]
    public void W1ASessionShorterThanAFullOneOrThanTheDailyMinimumIsNamed(PlanGoal goal, int minutes, string? code)
    {
        var days = Days(goal == PlanGoal.Dancer ? 7 : goal == PlanGoal.BackHealth ? 4 : 2);
        var plan = Plan(goal, days);

        var warnings = PlanRules.Warnings(plan, play => play == days[0].Play ? minutes : 45);

        Assert.Equal(code is null ? [] : [code], warnings.Select(w => w.Code));
        if (code is not null) Assert.Equal([days[0].Id], Assert.Single(warnings).SlotIds);
    }

    [Fact]
    public void W1SlotsOfTheSameShortLengthAreNamedInOneWarning()
    {
        var days = Days(4);

        var warnings = PlanRules.Warnings(Plan(PlanGoal.BackHealth, days), play => play == days[3].Play ? 10 : 20);

        Assert.Equal([SessionTooShort, BelowDailyMinimum], warnings.Select(w => w.Code));
        Assert.Equal(["mon", "tue", "wed"], warnings[0].SlotIds);
        Assert.StartsWith("Monday at 19:30, Tuesday at 19:30 and Wednesday at 19:30: 20 minutes", warnings[0].Text);
        Assert.Equal(["thu"], warnings[1].SlotIds);
    }

    [Fact]
    public void ASlotWhoseSessionIsGoneIsNamed()
    {
        var days = Days(4);
        var gone = days[2] with { Play = new SlotPlay.Saved("deleted") };

        var warning = Assert.Single(PlanRules.Warnings(Plan(PlanGoal.BackHealth, [days[0], days[1], gone, days[3]]), play => play is SlotPlay.Saved ? null : 40));

        Assert.Equal(SessionMissing, warning.Code);
        Assert.Equal([gone.Id], warning.SlotIds);
    }

    [Fact]
    public void W3SessionsBeforeTheEveningGetAHintToMoveThem()
    {
        var days = Days(4);
        days[1] = days[1] with { Time = new TimeOnly(7, 0) };
        days[3] = days[3] with { Time = new TimeOnly(16, 59) };

        var warnings = PlanRules.Warnings(Plan(PlanGoal.BackHealth, days), MinutesOf);

        var early = Assert.Single(warnings, w => w.Code == NotEvening);
        Assert.Equal([days[1].Id, days[3].Id], early.SlotIds);
        Assert.Contains("Tuesday at 07:00 and Thursday at 16:59", early.Text);
        Assert.Contains(warnings, w => w.Code == DifferentTimes);
    }

    [Fact]
    public void W3DifferentEveningTimesGetAHintToKeepOne()
    {
        var days = Days(4);
        days[2] = days[2] with { Time = new TimeOnly(20, 0) };

        var warning = Assert.Single(PlanRules.Warnings(Plan(PlanGoal.BackHealth, days), MinutesOf));

        Assert.Equal(DifferentTimes, warning.Code);
        Assert.Contains("19:30 and 20:00", warning.Text);
    }

    [Theory]
    [InlineData("base-warm-up", true, false)]
    [InlineData("base-warm-up", false, true)]
    [InlineData("sedentary-day", true, true)]
    [InlineData("sedentary-day", false, false)]
    [InlineData("female-2", true, false)]
    [InlineData("female-2", false, false)]
    [InlineData("twelve-back-stretches", true, false)]
    [InlineData("twelve-back-stretches", false, false)]
    public void W4ARoutineOnADayItIsNotMeantForIsNamed(string slug, bool trainingDay, bool warned)
    {
        var days = Days(4);
        days[0] = days[0] with { Play = new SlotPlay.Routine(slug) };
        var plan = Plan(PlanGoal.BackHealth, days) with { TrainingDays = trainingDay ? new HashSet<DayOfWeek> { DayOfWeek.Monday } : new HashSet<DayOfWeek>() };

        var warnings = PlanRules.Warnings(plan, MinutesOf, RoutineOf);

        Assert.Equal(warned, warnings.Any(w => w.Code == RoutineDayType && w.SlotIds.SequenceEqual([days[0].Id])));
        Assert.DoesNotContain(PlanRules.Warnings(plan, MinutesOf), w => w.Code == RoutineDayType);
    }

    [Fact]
    public void W4SuitableRoutinesForADayPutThoseMadeForItFirst()
    {
        var training = PlanRules.SuitableRoutines(trainingDay: true, Routines).Select(r => r.Slug).ToList();
        var rest = PlanRules.SuitableRoutines(trainingDay: false, Routines).Select(r => r.Slug).ToList();

        Assert.Equal(["base-warm-up", "female-1", "female-2"], training[..3].Order());
        Assert.Equal(["female-2", "sedentary-day", "specialized"], rest[..3].Order());
        Assert.DoesNotContain("sedentary-day", training);
        Assert.DoesNotContain("base-warm-up", rest);
        Assert.Contains("twelve-back-stretches", training);
        Assert.Contains("twelve-back-stretches", rest);
    }

    [Fact]
    public void EveryRuleHoldsOnThousandsOfGeneratedPlans()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 2000; i++)
        {
            var plan = RandomPlan(random, out var minutes);

            var warnings = PlanRules.Warnings(plan, play => minutes[play], RoutineOf);

            var slots = plan.Slots;
            var days = slots.Select(s => s.Day).Distinct().Count();
            var (min, max) = plan.Goal switch { PlanGoal.BackHealth => (4, 6), PlanGoal.StrengthAndCardio => (2, 3), _ => (0, int.MaxValue) };
            Assert.Equal(slots.Count < min || (plan.Goal == PlanGoal.Dancer && days < 7), Has(TooFewSessions));
            Assert.Equal(slots.Count > max, Has(TooManySessions));
            Assert.Equal(plan.Goal == PlanGoal.BackHealth && days == 7, Has(NoRestDay));
            Assert.Equal(slots.GroupBy(s => s.Day).Count(g => g.Count() > 1), warnings.Count(w => w.Code == SeveralOnOneDay));
            Assert.Equal(Ids(slots.Where(s => minutes[s.Play] is null)), About(SessionMissing));
            Assert.Equal(Ids(slots.Where(s => minutes[s.Play] < 15)), About(BelowDailyMinimum));
            Assert.Equal(Ids(slots.Where(s => minutes[s.Play] is >= 15 and < 30 && plan.Goal != PlanGoal.Dancer)), About(SessionTooShort));
            Assert.Equal(Ids(slots.Where(s => s.Time.Hour < 17)), About(NotEvening));
            Assert.Equal(slots.Select(s => s.Time).Distinct().Count() > 1, Has(DifferentTimes));
            Assert.Equal(Ids(slots.Where(s => s.Play is SlotPlay.Routine r && !MeantFor(RoutineOf(r.Slug)!, plan.TrainingDays.Contains(s.Day)))), About(RoutineDayType));
            Assert.All(warnings, w => Assert.Null(UserText.FindInternalReference(w.Text)));

            bool Has(string code) => warnings.Any(w => w.Code == code);
            IEnumerable<string> About(string code) => warnings.Where(w => w.Code == code).SelectMany(w => w.SlotIds).Order();
        }

        static IEnumerable<string> Ids(IEnumerable<PlanSlot> slots) => slots.Select(s => s.Id).Order();

        // W4 as the routines' data states it, independently of PlanRules.Suits.
        static bool MeantFor(Routine routine, bool trainingDay) =>
            routine.Days.Contains(DayType.AnyDay)
            || (trainingDay ? routine.Days.Contains(DayType.TrainingDay) || routine.Days.Contains(DayType.AfterTraining) : routine.Days.Contains(DayType.NonTrainingDay));
    }

    private static WeeklyPlan RandomPlan(Random random, out Dictionary<SlotPlay, int?> minutes)
    {
        minutes = [];
        var slots = new List<PlanSlot>();
        for (var n = random.Next(9); n > 0; n--)
        {
            var id = $"slot{slots.Count}";
            SlotPlay play = random.Next(3) switch
            {
                0 => new SlotPlay.Routine(Routines[random.Next(Routines.Count)].Slug),
                1 => new SlotPlay.Saved(id),
                _ => new SlotPlay.Preset(new SessionInput { Minutes = random.Next(10, 91), Level = "beginner", Focus = [id] }),
            };
            minutes[play] = play is SlotPlay.Saved && random.Next(5) == 0 ? null : random.Next(10, 61);
            var time = random.Next(3) == 0 ? Evening : new TimeOnly(random.Next(24), random.Next(2) * 30);
            slots.Add(new PlanSlot(id, (DayOfWeek)random.Next(7), time, play));
        }
        return new WeeklyPlan
        {
            Goal = (PlanGoal)random.Next(3),
            TimeZone = "Europe/Berlin",
            TrainingDays = Enum.GetValues<DayOfWeek>().Where(_ => random.Next(3) == 0).ToHashSet(),
            Slots = slots,
        };
    }

    private static IReadOnlyList<string> Codes(WeeklyPlan plan) => PlanRules.Warnings(plan, MinutesOf).Select(w => w.Code).ToList();

    private static int? MinutesOf(SlotPlay play) => 40;

    private static Routine? RoutineOf(string slug) => Routines.SingleOrDefault(r => r.Slug == slug);

    /// <summary>One evening slot on each of the first <paramref name="count"/> days from Monday.</summary>
    private static PlanSlot[] Days(int count) =>
        Enumerable.Range(0, count).Select(i => Slot(((DayOfWeek)((i + 1) % 7)).ToString()[..3].ToLowerInvariant(), (DayOfWeek)((i + 1) % 7))).ToArray();

    private static PlanSlot Slot(string id, DayOfWeek day) =>
        new(id, day, Evening, new SlotPlay.Preset(new SessionInput { Minutes = 40, Level = "beginner", Focus = [id] }));

    private static WeeklyPlan Plan(PlanGoal goal, params PlanSlot[] slots) => new() { Goal = goal, TimeZone = "Europe/Berlin", Slots = slots };
}
