using Stretching.Core.Catalog;
using Stretching.Core.Planning;
using Stretching.Core.Sessions;
using static Stretching.Core.Planning.PlanRules.Codes;

namespace Stretching.Core.Tests.Planning;

public sealed class WeeklyPlannerTests
{
    private static readonly CatalogSnapshot Catalog = new(
        CatalogFiles.LoadExercises(RepositoryPaths.Data), CatalogFiles.LoadRoutines(RepositoryPaths.Data), CatalogFiles.LoadFigures(RepositoryPaths.Data));
    private static readonly WeeklyPlanner Planner = new(Catalog);
    private static readonly DateOnly Week = new(2026, 3, 23);
    private static readonly TimeOnly Evening = new(19, 30);
    private static readonly string[] WeekCodes = [TooFewSessions, TooManySessions, NoRestDay];

    [Fact]
    public void W2W3AFreeWeekForBackHealthGetsSixEveningsAtOneTimeWithARestDayAndNoWarnings()
    {
        var result = Planned(Request(EveryDay(Evening)));

        Assert.Equal(6, result.Plan.Slots.Count);
        Assert.Equal(6, result.Plan.Slots.Select(s => s.Day).Distinct().Count());
        Assert.All(result.Plan.Slots, s => Assert.Equal(Evening, s.Time));
        Assert.Empty(result.Warnings);
        Assert.True(result.Coverage.IsBalanced);
        Assert.Equal(Vocabulary.All<Region>(), result.Coverage.PossibleRegions.Order());
        Assert.Equal(PlanCoverage.AllDirections.Order(), result.Coverage.PossibleDirections.Order());
    }

    [Fact]
    public void W2ADancerWithEveryDayFreeStretchesEveryDay()
    {
        var result = Planned(Request(EveryDay(Evening)) with { Goal = "dancer" });

        Assert.Equal(Enum.GetValues<DayOfWeek>().Order(), result.Plan.Slots.Select(s => s.Day).Order());
        Assert.Equal(PlanGoal.Dancer, result.Plan.Goal);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void W2NextToStrengthAndCardioThreeDaysAreSpreadOverTheWeek()
    {
        var result = Planned(Request(EveryDay(Evening)) with { Goal = "strength-and-cardio" });

        var days = result.Plan.Slots.Select(s => PlanRules.WeekdayIndex(s.Day)).Order().ToList();
        Assert.Equal(3, days.Count);
        Assert.True(days.Zip(days.Skip(1).Append(days[0] + 7), (a, b) => b - a).All(gap => gap >= 2), string.Join(",", days));
    }

    [Fact]
    public void W2WithTooFewFreeDaysEveryOneIsPlannedAndTheWarningSaysSo()
    {
        var free = new[] { new FreeTime(DayOfWeek.Tuesday, Evening), new FreeTime(DayOfWeek.Friday, Evening) };

        var result = Planned(Request(free));

        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Friday], result.Plan.Slots.Select(s => s.Day));
        Assert.Equal([TooFewSessions], result.Warnings.Select(w => w.Code));
    }

    [Fact]
    public void W3TheDaysThatShareOneTimeAreChosenOverOthers()
    {
        FreeTime[] free =
        [
            new(DayOfWeek.Monday, new TimeOnly(8, 0)), new(DayOfWeek.Tuesday, Evening), new(DayOfWeek.Wednesday, new TimeOnly(12, 0)),
            new(DayOfWeek.Thursday, Evening), new(DayOfWeek.Friday, new TimeOnly(10, 0)), new(DayOfWeek.Saturday, Evening),
        ];

        var result = Planned(Request(free) with { Goal = "strength-and-cardio" });

        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday], result.Plan.Slots.Select(s => s.Day));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void W3WhenNoTimeIsSharedTheEveningsAreChosenAndTheRestSpreadOut()
    {
        FreeTime[] free =
        [
            new(DayOfWeek.Monday, new TimeOnly(7, 0)), new(DayOfWeek.Tuesday, new TimeOnly(18, 0)),
            new(DayOfWeek.Thursday, new TimeOnly(7, 0)), new(DayOfWeek.Saturday, new TimeOnly(18, 0)),
        ];

        var result = Planned(Request(free) with { Goal = "strength-and-cardio" });

        // Both evenings; of the mornings, Thursday leaves a free day on each side.
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Saturday], result.Plan.Slots.Select(s => s.Day));
    }

    [Fact]
    public void EachDayIsAPresetOfThePersonsRequestNamedByItsDayWithoutASeed()
    {
        var result = Planned(Request(EveryDay(Evening)) with
        {
            Focus = ["lumbar"], Equipment = ["chair", "mat"], Conditions = ["hypertension"], Level = "intermediate", Minutes = 45,
        });

        Assert.All(result.Plan.Slots, slot =>
        {
            Assert.Equal(slot.Day.ToString().ToLowerInvariant(), slot.Id);
            var preset = Assert.IsType<SlotPlay.Preset>(slot.Play).Request;
            Assert.Null(preset.Seed);
            Assert.Equal(45, preset.Minutes);
            Assert.Equal("intermediate", preset.Level);
            Assert.Contains("lumbar", preset.Focus!);
            Assert.Equal(["mat", "chair"], preset.Equipment!);
            Assert.Equal(["hypertension"], preset.Conditions!);
        });
        // The other regions are dealt out, so the days lean towards different parts of the body.
        Assert.True(result.Plan.Slots.Select(s => string.Join(",", ((SlotPlay.Preset)s.Play).Request.Focus!)).Distinct().Count() > 1);
    }

    [Fact]
    public void ADirectionHealthRulesOutIsNamedAndNotForced()
    {
        // Pregnancy needs care with every twist, so no twist is picked without the person adding it.
        var result = Planned(Request(EveryDay(Evening)) with { Conditions = ["pregnancy"] });

        Assert.DoesNotContain(LoadPattern.Rotation, result.Coverage.PossibleDirections);
        var warning = Assert.Single(result.Warnings, w => w.Code == WeeklyPlanner.Codes.DirectionUnavailable);
        Assert.Contains("twisting", warning.Text);
        Assert.True(result.Coverage.IsBalanced);
        var included = result.Plan.Slots.SelectMany(s => ((SlotPlay.Preset)s.Play).Request.Include!).Select(slug => Catalog.Exercise(slug)!);
        Assert.DoesNotContain(included, e => e.Patterns.Contains(LoadPattern.Rotation));
    }

    [Fact]
    public void WhenNoDirectionIsPossibleThePlanIsStillMadeAndSaysSo()
    {
        var result = Planned(Request(EveryDay(Evening)) with { Conditions = ["scoliosis"] });

        Assert.Empty(result.Coverage.PossibleDirections);
        Assert.Contains(result.Warnings, w => w.Code == WeeklyPlanner.Codes.DirectionUnavailable);
        Assert.Equal(6, result.Plan.Slots.Count);
    }

    [Fact]
    public void ARegionNothingSuitsIsNamed()
    {
        // Without a mat, a beginner's main set has nothing for the hips or the core.
        var result = Planned(Request(EveryDay(Evening)) with { Equipment = [] });

        Assert.Equal([Region.Neck, Region.Shoulders, Region.Thoracic, Region.Lumbar, Region.Legs], result.Coverage.PossibleRegions.Order());
        Assert.Contains(result.Warnings, w => w.Code == WeeklyPlanner.Codes.RegionUnavailable && w.Text.Contains("hips and core"));
        Assert.True(result.Coverage.IsBalanced);
    }

    [Fact]
    public void BadInputIsNamedByField()
    {
        var result = Assert.IsType<PlanResult.Invalid>(Planner.Plan(new PlanRequest { Goal = "marathon", Focus = ["tail"] }, Week));

        Assert.Equal(["focus", "freeTimes", "goal", "level", "minutes", "timeZone"], result.Problems.Keys.Order());
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("../../etc/passwd")]
    public void ATimeZoneMustBeAKnownIanaName(string zone)
    {
        var result = Assert.IsType<PlanResult.Invalid>(Planner.Plan(Request(EveryDay(Evening)) with { TimeZone = zone }, Week));

        Assert.Equal(["timeZone"], result.Problems.Keys);
    }

    [Fact]
    public void EachFreeDayIsGivenOnce()
    {
        var free = new[] { new FreeTime(DayOfWeek.Monday, Evening), new FreeTime(DayOfWeek.Monday, new TimeOnly(8, 0)) };

        var result = Assert.IsType<PlanResult.Invalid>(Planner.Plan(Request(free), Week));

        Assert.Contains("Monday", Assert.Single(result.Problems["freeTimes"]));
    }

    [Fact]
    public void AConditionThatStopsTrainingRefusesThePlanWithItsAdvice()
    {
        var result = Assert.IsType<PlanResult.Refused>(Planner.Plan(Request(EveryDay(Evening)) with { Conditions = ["infection"] }, Week));

        Assert.Equal(RefusalKind.Postpone, result.Refusal.Kind);
    }

    [Fact]
    public void EveryRuleHoldsOnGeneratedPlans()
    {
        var random = new Random(20261123);
        var planned = 0;
        var includes = 0;
        for (var i = 0; i < 120; i++)
        {
            var request = RandomRequest(random);
            var week = Week.AddDays(7 * random.Next(-60, 60));
            if (Planner.Plan(request, week) is not PlanResult.Planned result) continue;
            planned++;
            var plan = result.Plan;
            var codes = result.Warnings.Select(w => w.Code).ToList();
            var goal = Enum.Parse<PlanGoal>(request.Goal!.Replace("-", ""), ignoreCase: true);
            var frequency = PlanRules.Frequency(goal);
            var free = request.FreeTimes!;
            var context = $"#{i} {request.Goal}, {free.Count} free days, {request.Minutes} min";

            // W2: as many of the free days as the goal takes, and with enough of them no frequency warning.
            Assert.Equal(Math.Min(free.Count, frequency.MaxSessions), plan.Slots.Count);
            Assert.All(plan.Slots, slot => Assert.Contains(new FreeTime(slot.Day, slot.Time), free));
            Assert.Equal(free.Count < frequency.MinSessions, codes.Intersect(WeekCodes).Any());

            // W3: when enough free days share a time, the week keeps to one time.
            if (free.GroupBy(f => f.Time).Max(g => g.Count()) >= plan.Slots.Count)
            {
                Assert.True(plan.Slots.Select(s => s.Time).Distinct().Count() == 1, context);
            }

            // Balance: every region and direction the person can do, in each checked week.
            for (var k = 0; k < WeeklyPlanner.CheckedWeeks; k++)
            {
                var coverage = Planner.WeekCoverage(plan, PlanCalendar.WeekStart(week).AddDays(7 * k));
                Assert.True(coverage.IsBalanced || codes.Contains(WeeklyPlanner.Codes.NotCovered),
                    $"{context}, week {k}: misses {string.Join(", ", coverage.MissingRegions)} {string.Join(", ", coverage.MissingDirections)}");
            }
            Assert.True(!codes.Contains(WeeklyPlanner.Codes.NotCovered) || request.Minutes < PlanRules.FullSessionMinutes, context);
            Assert.Equal(result.Coverage.PossibleRegions.Count < 7, codes.Contains(WeeklyPlanner.Codes.RegionUnavailable));
            Assert.Equal(result.Coverage.PossibleDirections.Count < 4, codes.Contains(WeeklyPlanner.Codes.DirectionUnavailable));

            // Presets carry the person's own choices, no seed, and only added exercises that suit them without care.
            var candidates = Candidates(request);
            foreach (var preset in plan.Slots.Select(s => ((SlotPlay.Preset)s.Play).Request))
            {
                Assert.Null(preset.Seed);
                Assert.Equal(request.Minutes, preset.Minutes);
                Assert.Equal(request.Equipment!.Order(), preset.Equipment!.Order());
                Assert.Subset(preset.Focus!.ToHashSet(), request.Focus!.ToHashSet());
                Assert.Subset(candidates, preset.Include!.ToHashSet());
                includes += preset.Include!.Length;
            }

            Assert.All(result.Warnings, w => Assert.Null(UserText.FindInternalReference(w.Text)));
            Assert.Equal(Describe(plan), Describe(((PlanResult.Planned)Planner.Plan(request, week)).Plan));
        }
        Assert.True(planned > 80, $"only {planned} plans were made");
        Assert.True(includes > 0, "no plan needed an exercise added by name, so that path went untested");
    }

    [Fact]
    public void TheSameRequestInAnotherWeekKeepsItsDaysAndTimes()
    {
        var request = Request(EveryDay(Evening));

        var first = Planned(request).Plan;
        var later = ((PlanResult.Planned)Planner.Plan(request, Week.AddDays(7 * 10))).Plan;

        Assert.Equal(first.Slots.Select(s => (s.Id, s.Day, s.Time)), later.Slots.Select(s => (s.Id, s.Day, s.Time)));
    }

    internal static PlanRequest RandomRequest(Random random)
    {
        string[] Some<T>(double chance) where T : struct, Enum =>
            Vocabulary.All<T>().Where(_ => random.NextDouble() < chance).Select(Vocabulary.Id).ToArray();
        TimeOnly[] times = [Evening, Evening, new(18, 0), new(20, 0), new(7, 0), new(12, 30)];
        var oneTime = random.NextDouble() < 0.5;
        var free = Enum.GetValues<DayOfWeek>().Where(_ => random.NextDouble() < 0.7)
            .Select(day => new FreeTime(day, oneTime ? Evening : times[random.Next(times.Length)]))
            .DefaultIfEmpty(new FreeTime(DayOfWeek.Wednesday, Evening))
            .ToList();
        return new PlanRequest
        {
            Goal = Vocabulary.Id((PlanGoal)random.Next(3)),
            TimeZone = "Europe/Berlin",
            FreeTimes = free,
            TrainingDays = Enum.GetValues<DayOfWeek>().Where(_ => random.NextDouble() < 0.3).ToList(),
            Minutes = random.Next(SessionRequest.MinMinutes, 61),
            Level = Vocabulary.Id((Level)random.Next(3)),
            Focus = Some<Region>(0.15),
            Equipment = random.NextDouble() < 0.2 ? [] : Some<Equipment>(0.5).Append("mat").Distinct().ToArray(),
            Conditions = random.NextDouble() < 0.7 ? [] : Some<Condition>(0.06),
            DoctorApproved = random.NextDouble() < 0.3,
        };
    }

    /// <summary>The exercises the builder's main set may pick for the person without being asked.</summary>
    private static HashSet<string> Candidates(PlanRequest request)
    {
        var input = new SessionInput
        {
            Minutes = request.Minutes, Level = request.Level, Equipment = request.Equipment, Conditions = request.Conditions, DoctorApproved = request.DoctorApproved,
        };
        var sessionRequest = input.ToRequest(Catalog.Builder.Contains, out _)!;
        return Catalog.Builder.MainCandidates(sessionRequest).Select(e => e.Slug).ToHashSet();
    }

    /// <summary>A plan as text, since its lists compare by reference.</summary>
    private static string Describe(WeeklyPlan plan) =>
        $"{plan.Goal} {plan.TimeZone} [{string.Join(",", plan.TrainingDays.Order())}] " + string.Join("; ", plan.Slots.Select(slot =>
            slot.Play is SlotPlay.Preset { Request: var r }
                ? $"{slot.Id} {slot.Day} {slot.Time} {r.Minutes} {r.Level} {r.DoctorApproved} seed={r.Seed} focus={Join(r.Focus)} equipment={Join(r.Equipment)} conditions={Join(r.Conditions)} include={Join(r.Include)}"
                : $"{slot.Id} {slot.Day} {slot.Time} {slot.Play}"));

    private static string Join(string[]? values) => string.Join(",", values ?? []);

    private static PlanResult.Planned Planned(PlanRequest request) => Assert.IsType<PlanResult.Planned>(Planner.Plan(request, Week));

    private static PlanRequest Request(IReadOnlyList<FreeTime> free) => new()
    {
        TimeZone = "Europe/Berlin",
        FreeTimes = free,
        Minutes = 40,
        Level = "beginner",
        Equipment = ["mat", "chair"],
    };

    private static FreeTime[] EveryDay(TimeOnly time) => Enum.GetValues<DayOfWeek>().Select(d => new FreeTime(d, time)).ToArray();
}
