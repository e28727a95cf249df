using Stretching.Core.Catalog;
using Stretching.Core.History;
using Stretching.Core.Sessions;
using static Stretching.Core.Tests.History.Records;

namespace Stretching.Core.Tests.History;

/// <summary>D7's step-by-step progression from a person's history, H4's easing off when it hurts, and the level suggestion.</summary>
public sealed class ProgressionTests
{
    private static readonly IReadOnlyList<Exercise> Catalog = CatalogFiles.LoadExercises(RepositoryPaths.Data);
    private static readonly IReadOnlyDictionary<string, Exercise> BySlug = Catalog.ToDictionary(e => e.Slug);
    private static readonly SessionBuilder Builder = new(Catalog);
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-10-01T18:00:00Z");
    private static readonly Dictionary<string, DateTimeOffset> NoneBroughtBack = [];

    private static ProgressionAdvice Advise(IEnumerable<SessionRecord> records, DateTimeOffset now, Level level = Level.Beginner,
        IReadOnlyDictionary<string, DateTimeOffset>? broughtBack = null) =>
        Progression.Advise(records, [], BySlug.GetValueOrDefault, level, broughtBack ?? NoneBroughtBack, now);

    /// <summary>Sessions on the given days after <see cref="Start"/>, each playing one exercise at one dose and felt as given.</summary>
    private static List<SessionRecord> Days(string slug, Dose dose, int? ease, params int[] days) =>
        days.Select(day => Played($"d{day:00}", Start.AddDays(day), (slug, dose)) with { Ease = ease, PainBefore = 2, PainAfter = 2 }).ToList();

    private static DoseAdjustment Single(ProgressionAdvice advice, string slug) => Assert.Single(advice.Adjustments, a => a.Slug == slug);

    [Fact]
    public void D7_AWeekOfEasySessionsAtOneHoldStepsItUpByFiveSeconds()
    {
        var advice = Advise(Days("sphinx", Dose.Held(30), ease: 2, 0, 3, 7), Start.AddDays(7.5));

        var sphinx = Single(advice, "sphinx");
        Assert.Equal((DoseChange.Up, Dose.Held(30), Dose.Held(35)), (sphinx.Change, sphinx.From, sphinx.To));
        Assert.Equal(Dose.Held(35), advice.DoseOverrides["sphinx"]);
        Assert.Contains("step up", sphinx.Reason);
    }

    [Fact]
    public void D7_AtMostOneStepAWeek()
    {
        var sphinx = Single(Advise(Days("sphinx", Dose.Held(30), ease: 1, 0, 2, 4), Start.AddDays(5)), "sphinx");

        Assert.Equal((DoseChange.Stay, Dose.Held(30)), (sphinx.Change, sphinx.To));
        Assert.Contains("after a week", sphinx.Reason);
    }

    [Fact]
    public void D7_ANeutralOrUnratedSessionKeepsTheDoseItPlayed()
    {
        Assert.Equal((DoseChange.Stay, Dose.Held(35)), Change(Advise(Days("sphinx", Dose.Held(35), ease: 3, 0, 7), Start.AddDays(8))));
        Assert.Equal((DoseChange.Stay, Dose.Held(35)), Change(Advise(Days("sphinx", Dose.Held(35), ease: null, 0, 7), Start.AddDays(8))));

        static (DoseChange, Dose) Change(ProgressionAdvice advice) => (Single(advice, "sphinx").Change, Single(advice, "sphinx").To);
    }

    [Fact]
    public void H4_AHardSessionStepsBack()
    {
        var records = Days("sphinx", Dose.Held(40), ease: 2, 0, 7);
        records[^1] = records[^1] with { Ease = 4 };

        var sphinx = Single(Advise(records, Start.AddDays(8)), "sphinx");

        Assert.Equal((DoseChange.Back, Dose.Held(35)), (sphinx.Change, sphinx.To));
        Assert.Contains("felt hard", sphinx.Reason);
    }

    [Fact]
    public void H4_MorePainAfterTheLastSessionStepsBackHoweverEasyItFelt()
    {
        var records = Days("sphinx", Dose.Held(40), ease: 1, 0, 7);
        records[^1] = records[^1] with { PainBefore = 1, PainAfter = 3 };

        var sphinx = Single(Advise(records, Start.AddDays(8)), "sphinx");

        Assert.Equal((DoseChange.Back, Dose.Held(35)), (sphinx.Change, sphinx.To));
        Assert.Contains("hurt more after", sphinx.Reason);
    }

    [Fact]
    public void H5_RisingPainStepsEveryExerciseBack()
    {
        var records = Enumerable.Range(0, 11).Select(i => Played($"d{i:00}", Start.AddDays(2 * i), ("sphinx", Dose.Held(40)), ("spine-stretch", new Dose(null, 7, null))) with
        {
            Ease = 1,
            PainBefore = 1 + i / 3,
            PainAfter = 1 + i / 3,
        }).ToList();

        var advice = Advise(records, Start.AddDays(20.5));

        Assert.All(advice.Adjustments, a => Assert.Equal(DoseChange.Back, a.Change));
        Assert.All(advice.Adjustments, a => Assert.StartsWith("Your pain has been rising", a.Reason));
    }

    [Fact]
    public void D2_D3_NeverPastTheLevelsRangeNorBelowIt()
    {
        var atTop = Single(Advise(Days("sphinx", Dose.Held(40), ease: 1, 0, 7), Start.AddDays(8)), "sphinx");
        var hard = Days("sphinx", Dose.Held(30), ease: 5, 0, 7);
        var atBottom = Single(Advise(hard, Start.AddDays(8)), "sphinx");

        Assert.Equal((DoseChange.Stay, Dose.Held(40)), (atTop.Change, atTop.To));
        Assert.Contains("the most your level allows", atTop.Reason);
        Assert.Equal((DoseChange.Stay, Dose.Held(30)), (atBottom.Change, atBottom.To));
        Assert.Contains("as gentle as your level goes", atBottom.Reason);
    }

    [Fact]
    public void D3_ADosePlayedAtAHigherLevelIsBroughtWithinThisLevelsLimitsFirst()
    {
        var sphinx = Single(Advise(Days("sphinx", Dose.Held(45), ease: 3, 0, 7), Start.AddDays(8)), "sphinx");

        Assert.Equal(Dose.Held(40), sphinx.To);
    }

    [Fact]
    public void D4_D7_RepetitionsStepByOneUpToTheLevelsCap()
    {
        var spine = Single(Advise(Days("spine-stretch", new Dose(null, 6, null), ease: 2, 0, 7), Start.AddDays(8)), "spine-stretch");
        var capped = Single(Advise(Days("spine-stretch", new Dose(null, 7, null), ease: 2, 0, 7), Start.AddDays(8)), "spine-stretch");

        Assert.Equal(new Dose(null, 7, null), spine.To);
        Assert.Equal((DoseChange.Stay, new Dose(null, 7, null)), (capped.Change, capped.To));
    }

    [Fact]
    public void D7_ARepeatedHoldGainsRepetitionsFirstThenHoldsLongerAndGivesThemBackInReverse()
    {
        // Supine knee drop at beginner level: 7 times (the cap), a 20-30 s hold.
        var up = Single(Advise(Days("supine-knee-drop", new Dose(null, 7, 20), ease: 2, 0, 7), Start.AddDays(8)), "supine-knee-drop");
        var backFromLonger = Single(Advise(Days("supine-knee-drop", new Dose(null, 7, 25), ease: 4, 0, 7), Start.AddDays(8)), "supine-knee-drop");
        var backFromShortest = Single(Advise(Days("supine-knee-drop", new Dose(null, 7, 20), ease: 4, 0, 7), Start.AddDays(8)), "supine-knee-drop");

        Assert.Equal(new Dose(null, 7, 25), up.To);
        Assert.Equal(new Dose(null, 7, 20), backFromLonger.To);
        // Fewer than 7 would be below the exercise's own 9 times, so at this level it goes no lower.
        Assert.Equal((DoseChange.Stay, new Dose(null, 7, 20)), (backFromShortest.Change, backFromShortest.To));
    }

    [Fact]
    public void D7_TimedWorkStepsByFiveSeconds()
    {
        var swimmer = Single(Advise(Days("swimmer", Dose.Timed(30), ease: 2, 0, 7), Start.AddDays(8)), "swimmer");

        Assert.Equal(Dose.Timed(35), swimmer.To);
    }

    [Fact]
    public void D7_ADoseOfAnotherShapeGivesNoRunToStepUpFrom()
    {
        var records = Days("sphinx", Dose.Held(35), ease: 2, 0, 3);
        records.AddRange(Days("sphinx", new Dose(null, 3, null), ease: 2, 8, 10));

        var sphinx = Single(Advise(records, Start.AddDays(11)), "sphinx");

        Assert.Equal((DoseChange.Stay, Dose.Held(35)), (sphinx.Change, sphinx.To));
    }

    [Fact]
    public void H4_AnExerciseMarkedAsHurtingIsLeftOutWithAReasonAndNotStepped()
    {
        var records = Days("sphinx", Dose.Held(30), ease: 2, 0, 3, 7);
        records[^1] = records[^1] with { Flags = [new ExerciseFlag("sphinx", Felt.Hurt)] };

        var advice = Advise(records, Start.AddDays(8));

        Assert.Equal(Progression.HurtReason, advice.Excluded["sphinx"]);
        Assert.DoesNotContain("sphinx", advice.DoseOverrides.Keys);
    }

    [Fact]
    public void H4_BringingItBackAfterTheMarkReturnsIt_AndANewMarkAfterThatLeavesItOutAgain()
    {
        var records = Days("sphinx", Dose.Held(30), ease: 2, 0, 3, 7);
        records[0] = records[0] with { Flags = [new ExerciseFlag("sphinx", Felt.Hurt)] };
        var broughtBack = new Dictionary<string, DateTimeOffset> { ["sphinx"] = Start.AddDays(1) };

        Assert.DoesNotContain("sphinx", Advise(records, Start.AddDays(8), broughtBack: broughtBack).Excluded.Keys);

        records[^1] = records[^1] with { Flags = [new ExerciseFlag("sphinx", Felt.Hurt)] };
        Assert.Contains("sphinx", Advise(records, Start.AddDays(8), broughtBack: broughtBack).Excluded.Keys);
    }

    [Fact]
    public void H4_FeelingGoodAfterHurtingEndsTheLeavingOut()
    {
        var records = Days("sphinx", Dose.Held(30), ease: 2, 0, 3);
        records[0] = records[0] with { Flags = [new ExerciseFlag("sphinx", Felt.Hurt)] };
        records[1] = records[1] with { Flags = [new ExerciseFlag("sphinx", Felt.Good)] };

        Assert.Empty(Advise(records, Start.AddDays(4)).Excluded);
    }

    [Fact]
    public void H4_AHurtMarkOlderThanTheLookBackStillLeavesItOut_GivenAsMarksAsWhenGivenAsRecords()
    {
        // A store reads only the last four weeks in full and the marks before them: the advice must not change.
        var old = Days("sphinx", Dose.Held(30), ease: 2, 0);
        old[0] = old[0] with { Flags = [new ExerciseFlag("sphinx", Felt.Hurt)] };
        var recent = Days("cat-cow", Dose.Timed(60), ease: 2, 100, 103);
        var now = Start.AddDays(104);

        var whole = Advise([.. old, .. recent], now);
        var split = Progression.Advise(recent, old.Select(RecordMarks.Of), BySlug.GetValueOrDefault, Level.Beginner, NoneBroughtBack, now);

        Assert.Equal(Progression.HurtReason, split.Excluded["sphinx"]);
        Assert.Equal(whole.Excluded, split.Excluded);
        Assert.Equal(whole.Adjustments, split.Adjustments);
        var feltGoodSince = recent.Select((r, i) => i == 0 ? r with { Flags = [new ExerciseFlag("sphinx", Felt.Good)] } : r).ToList();
        Assert.Empty(Progression.Advise(feltGoodSince, old.Select(RecordMarks.Of), BySlug.GetValueOrDefault, Level.Beginner, NoneBroughtBack, now).Excluded);
    }

    [Fact]
    public void TheFixedPartsAreNotSteppedButAreLeftOutWhenTheyHurt()
    {
        var records = Days(SessionBuilder.ChildsPoseSlug, Dose.Held(30), ease: 1, 0, 7);
        records[^1] = records[^1] with { Flags = [new ExerciseFlag(SessionBuilder.JointWarmUpSlug, Felt.Hurt)] };

        var advice = Advise(records, Start.AddDays(8));

        Assert.Empty(advice.Adjustments);
        Assert.Equal([SessionBuilder.JointWarmUpSlug], advice.Excluded.Keys);
    }

    [Fact]
    public void D7_H4_TheAdviceReachesABuiltSession()
    {
        var records = Days("sphinx", Dose.Held(30), ease: 2, 0, 3, 7);
        records[^1] = records[^1] with { Flags = [new ExerciseFlag("cat-cow", Felt.Hurt)] };
        var advice = Advise(records, Start.AddDays(8));
        var request = new SessionRequest
        {
            Minutes = 45,
            Level = Level.Beginner,
            Seed = 7,
            Equipment = new HashSet<Equipment> { Equipment.Mat },
            Include = ["sphinx", "cat-cow"],
        };

        var session = Builder.Build(advice.ApplyTo(request)) is SessionResult.Built built ? built.Session : throw new InvalidOperationException();

        Assert.Equal(35, session.Items.First(i => i.Slug == "sphinx").HoldSeconds);
        Assert.DoesNotContain(session.Items, i => i.Slug == "cat-cow");
        Assert.Contains(session.Excluded, e => e.Slug == "cat-cow" && e.Reason == Progression.HurtReason);
    }

    [Fact]
    public void ApplyingKeepsWhatTheRequestAlreadySays()
    {
        var advice = new ProgressionAdvice(
            [new DoseAdjustment("sphinx", DoseChange.Up, Dose.Held(30), Dose.Held(35), "up")],
            new Dictionary<string, string> { ["cat-cow"] = Progression.HurtReason, ["plow"] = Progression.HurtReason },
            null);
        var request = new SessionRequest
        {
            Minutes = 30,
            Level = Level.Beginner,
            Exclude = ["plow"],
            ExcludeReasons = new Dictionary<string, string> { ["plow"] = "Mine." },
            DoseOverrides = new Dictionary<string, Dose> { ["sphinx"] = Dose.Held(40) },
        };

        var applied = advice.ApplyTo(request);

        Assert.Equal(["plow", "cat-cow"], applied.Exclude);
        Assert.Equal("Mine.", applied.ExcludeReasons["plow"]);
        Assert.Equal(Progression.HurtReason, applied.ExcludeReasons["cat-cow"]);
        Assert.Equal(Dose.Held(40), applied.DoseOverrides["sphinx"]);
    }

    /// <summary>Two sessions in each of the last three weeks, felt as <paramref name="ease"/>, without pain.</summary>
    private static List<SessionRecord> ThreeEasyWeeks(DateTimeOffset now, int ease = 1) =>
        Enumerable.Range(0, 6).Select(i => Played($"w{i}", now.AddDays(-1 - 3.4 * i), ("sphinx", Dose.Held(30))) with
        {
            Ease = ease,
            PainBefore = 0,
            PainAfter = 0,
        }).ToList();

    [Fact]
    public void D7_ThreeEasyWeeksSuggestTheNextLevelWithoutChangingIt()
    {
        var now = Start.AddDays(30);

        var suggestion = Advise(ThreeEasyWeeks(now), now).LevelSuggestion;

        Assert.Equal(Level.Intermediate, suggestion!.Next);
        Assert.Contains("try the intermediate level", suggestion.Text);
    }

    [Fact]
    public void D7_NoSuggestionAfterAHarderWeekAWeekWithOneSessionAPainfulExerciseOrAtTheTop()
    {
        var now = Start.AddDays(30);
        var harder = ThreeEasyWeeks(now);
        harder[2] = harder[2] with { Ease = 3 };
        var thin = ThreeEasyWeeks(now);
        thin.RemoveAt(4);
        var hurt = ThreeEasyWeeks(now);
        hurt[0] = hurt[0] with { Flags = [new ExerciseFlag("sphinx", Felt.Hurt)] };

        Assert.Null(Advise(harder, now).LevelSuggestion);
        Assert.Null(Advise(thin, now).LevelSuggestion);
        Assert.Null(Advise(hurt, now).LevelSuggestion);
        Assert.Null(Advise(ThreeEasyWeeks(now), now, Level.Advanced).LevelSuggestion);
    }

    [Fact]
    public void H5_NoSuggestionWhilePainLastsWithoutEasing()
    {
        var now = Start.AddDays(30);
        var aching = ThreeEasyWeeks(now).Select(r => r with { PainBefore = 3, PainAfter = 3 }).ToList();

        Assert.Null(Advise(aching, now).LevelSuggestion);
    }

    [Fact]
    public void EveryReasonReadsCleanForPeople()
    {
        var now = Start.AddDays(30);
        var texts = new[] { 1, 3, 5 }.SelectMany(ease => Advise(ThreeEasyWeeks(now, ease), now).Adjustments.Select(a => a.Reason))
            .Append(Advise(ThreeEasyWeeks(now), now).LevelSuggestion!.Text)
            .Append(Progression.HurtReason);

        Assert.All(texts, t => Assert.Null(UserText.FindInternalReference(t)));
    }

    [Fact]
    public void D7_H4_OnGeneratedHistoriesDosesStayWithinTheLimitsNeverRiseAfterPainAndHurtExercisesStayOut()
    {
        var random = new Random(7_2026);
        var slugs = Catalog.Where(e => DosageRules.CanDose(e)).Select(e => e.Slug).ToList();
        var changes = new List<DoseChange>();
        var excluded = 0;
        for (var run = 0; run < 300; run++)
        {
            var level = Vocabulary.All<Level>()[random.Next(3)];
            var now = Start.AddDays(42);
            var records = RandomHistory(random, slugs, now);
            var broughtBack = slugs.Where(_ => random.NextDouble() < 0.05).ToDictionary(s => s, _ => now.AddDays(-random.Next(0, 42)));
            var context = $"run {run} ({level})";

            var advice = Advise(records, now, level, broughtBack);

            var pain = PainTrend.Of(records, now - Progression.LookBack, now).Verdict;
            foreach (var a in advice.Adjustments)
            {
                var exercise = BySlug[a.Slug];
                Assert.Equal(a.To, DosageRules.Fit(exercise, level, a.To));
                Assert.True(WithinLimits(a.To, DosageRules.Limits(exercise, level)), $"{context}: {a.Slug} {a.To} is past its limits");
                Assert.True(OneStepAtMost(a.From, a.To), $"{context}: {a.Slug} went from {a.From} to {a.To}");
                var latest = records.Where(r => r.StartedAt > now - Progression.LookBack && r.Items.Any(i => i.Slug == a.Slug && i.Status == ItemStatus.Done))
                    .MaxBy(r => (r.StartedAt, r.Id))!;
                if (pain == PainVerdict.Rising || latest.PainAfter > latest.PainBefore || latest.Ease >= Progression.HardFrom)
                {
                    Assert.True(a.Change != DoseChange.Up && Total(a.To) <= Total(a.From), $"{context}: {a.Slug} rose after pain or a hard session");
                }
                if (a.Change == DoseChange.Up) Assert.True(latest.Ease <= Progression.EasyAtMost, $"{context}: {a.Slug} rose after a session not felt easy");
            }
            changes.AddRange(advice.Adjustments.Select(a => a.Change));
            excluded += advice.Excluded.Count;
            Assert.Empty(advice.Excluded.Keys.Intersect(advice.DoseOverrides.Keys));
            Assert.Equal(StillHurting(records, broughtBack), advice.Excluded.Keys.Order(StringComparer.Ordinal));
            if (advice.LevelSuggestion is { } suggestion) Assert.Equal(level + 1, suggestion.Next);

            var shuffled = Advise(records.OrderBy(_ => random.Next()).ToList(), now, level, broughtBack);
            Assert.Equal(CatalogJson.Serialize(advice), CatalogJson.Serialize(shuffled));

            if (run % 3 == 0)
            {
                var request = SessionPropertyTestsRequest(random, level);
                if (Builder.Build(advice.ApplyTo(request)) is SessionResult.Built { Session: var session })
                {
                    Assert.DoesNotContain(session.Items, i => advice.Excluded.ContainsKey(i.Slug));
                }
            }
        }
        // The histories must reach every branch, or the checks above prove little.
        Assert.All(Enum.GetValues<DoseChange>(), c => Assert.True(changes.Count(x => x == c) >= 20, $"{c}: {changes.Count(x => x == c)}"));
        Assert.True(excluded >= 20, $"{excluded} exclusions");
    }

    private static SessionRequest SessionPropertyTestsRequest(Random random, Level level) =>
        Sessions.SessionPropertyTests.RandomRequest(random) with { Level = level, RedFlags = new HashSet<RedFlag>(), Include = [] };

    /// <summary>
    /// Six weeks of sessions of a few exercises, each mostly at one dose near the level's (now and then
    /// another, sometimes of another shape), some prompts skipped. A third of the people are calm
    /// (mostly easy sessions, little pain and never more after one), a third the same but now and
    /// then sore after a session, and a third rate at random.
    /// </summary>
    private static List<SessionRecord> RandomHistory(Random random, IReadOnlyList<string> slugs, DateTimeOffset now)
    {
        var profile = random.Next(3);
        var doses = slugs.OrderBy(_ => random.Next()).Take(random.Next(1, 6)).ToDictionary(s => s, s => RandomDose(random, BySlug[s]));
        var records = new List<SessionRecord>();
        foreach (var (at, i) in Enumerable.Range(0, random.Next(0, 25)).Select(_ => random.Next(1, 42 * 24)).Order().Select((h, i) => (now.AddHours(-h), i)))
        {
            foreach (var slug in doses.Keys.Where(_ => random.NextDouble() < 0.08)) doses[slug] = RandomDose(random, BySlug[slug]);
            var played = doses.Where(_ => random.NextDouble() < 0.7).Select(d => (d.Key, d.Value)).ToArray();
            int? Rating(int max) => random.NextDouble() < 0.2 ? null : random.Next(0, max + 1);
            var before = Rating(profile == 2 ? 10 : 1);
            var after = profile switch
            {
                0 => before,
                1 => random.NextDouble() < 0.3 ? before + random.Next(1, 4) : before,
                _ => Rating(10),
            };
            records.Add(Played($"r{i:00}", at, played) with
            {
                Items = played.Select(p => new RecordItem(p.Key, null, random.NextDouble() < 0.85 ? ItemStatus.Done : ItemStatus.Skipped, 30)).ToList(),
                Ease = random.NextDouble() < 0.1 ? null : profile == 2 ? random.Next(1, 6) : random.Next(1, 4),
                PainBefore = before,
                PainAfter = after,
                Flags = played.Where(_ => random.NextDouble() < 0.1).Select(p => new ExerciseFlag(p.Key, random.NextDouble() < 0.5 ? Felt.Hurt : Felt.Good)).ToList(),
            });
        }
        return records;
    }

    private static Dose RandomDose(Random random, Exercise exercise)
    {
        if (random.NextDouble() < 0.1) return new Dose(null, random.Next(1, 20), null);
        var usual = DosageRules.For(exercise, Vocabulary.All<Level>()[random.Next(3)]);
        return new Dose(usual.Seconds + 5 * random.Next(-3, 4), usual.Reps + random.Next(-3, 4), usual.HoldSeconds + 5 * random.Next(-3, 4));
    }

    /// <summary>The rule restated plainly: the latest mark per exercise is "hurt" and it was not brought back after that session.</summary>
    private static IEnumerable<string> StillHurting(IReadOnlyList<SessionRecord> records, IReadOnlyDictionary<string, DateTimeOffset> broughtBack) =>
        records.SelectMany(r => r.Flags.Select(f => (f.Slug, Hurt: f.Felt == Felt.Hurt, r.StartedAt, r.FinishedAt, r.Id)))
            .GroupBy(f => f.Slug)
            .Select(g => g.OrderBy(f => f.StartedAt).ThenBy(f => f.Id, StringComparer.Ordinal).ThenBy(f => f.Hurt).Last())
            .Where(f => f.Hurt && !(broughtBack.TryGetValue(f.Slug, out var back) && back > f.FinishedAt))
            .Select(f => f.Slug)
            .Order(StringComparer.Ordinal);

    private static bool WithinLimits(Dose dose, DoseLimits limits) =>
        In(dose.Seconds, limits.Seconds) && In(dose.Reps, limits.Reps) && In(dose.HoldSeconds, limits.HoldSeconds);

    private static bool In(int? value, CountRange? range) => value is null || (range is not null && value >= range.Min && value <= range.Max);

    private static bool OneStepAtMost(Dose from, Dose to) =>
        Math.Abs((to.Seconds ?? 0) - (from.Seconds ?? 0)) <= Progression.SecondsStep
        && Math.Abs((to.HoldSeconds ?? 0) - (from.HoldSeconds ?? 0)) <= Progression.SecondsStep
        && Math.Abs((to.Reps ?? 0) - (from.Reps ?? 0)) <= 1;

    /// <summary>How much work a dose asks; a step never changes two figures, so this orders them.</summary>
    private static int Total(Dose dose) => (dose.Seconds ?? 0) + (dose.HoldSeconds ?? 0) + 100 * (dose.Reps ?? 0);
}
