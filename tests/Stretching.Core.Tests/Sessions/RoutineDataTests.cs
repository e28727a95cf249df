using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

namespace Stretching.Core.Tests.Sessions;

public sealed class RoutineDataTests
{
    private static readonly IReadOnlyList<Exercise> Catalog = CatalogFiles.LoadExercises(RepositoryPaths.Data);
    private static readonly IReadOnlyList<Routine> Routines = CatalogFiles.LoadRoutines(RepositoryPaths.Data);

    [Fact]
    public void EveryRoutineIsValidAgainstTheCatalog()
    {
        Assert.Empty(RoutineValidator.Validate(Routines, Catalog));
    }

    [Theory]
    [InlineData("base-warm-up")]
    [InlineData("sedentary-day")]
    [InlineData("female-1")]
    [InlineData("female-2")]
    [InlineData("specialized")]
    [InlineData("twelve-back-stretches")]
    [InlineData("therapeutic-set")]
    [InlineData("dancer-complex")]
    [InlineData("beginner-complex")]
    [InlineData("advanced-complex")]
    public void TheNamedComplexesOfTheArticlesAreThere(string slug)
    {
        Assert.Contains(Routines, r => r.Slug == slug);
    }

    [Fact]
    public void ASetCountFollowsTheNoteAsASentenceOfItsOwn()
    {
        var femaleTwo = RoutineTimeline.Build(Routines.Single(r => r.Slug == "female-2"), Catalog);
        var hang = femaleTwo.Items.First(i => i.Slug == "bar-hang");
        Assert.EndsWith("build up to a minute. Set 1 of 3.", hang.Reason);

        var runOn = new System.Text.RegularExpressions.Regex(@"[^.!?] (Set|Round) \d+ of \d+");
        foreach (var routine in Routines)
        {
            Assert.All(RoutineTimeline.Build(routine, Catalog).Items, i => Assert.False(runOn.IsMatch(i.Reason), $"{routine.Slug}: {i.Reason}"));
        }
    }

    [Theory]
    [InlineData("10-20 times", "10-20 times. Set 2 of 3.")]
    [InlineData("Hold it.", "Hold it. Set 2 of 3.")]
    [InlineData("Is it easy? ", "Is it easy? Set 2 of 3.")]
    [InlineData("5 minutes (the app's choice)", "5 minutes (the app's choice). Set 2 of 3.")]
    public void ASetCountIsSetApartFromANoteWithoutAFullStop(string note, string expected)
    {
        var unit = new SessionUnit(Catalog.Single(e => e.Slug == "superman"), Dose.Held(10), note, Sets: 3);
        Assert.Equal(expected, unit.Items().ElementAt(1).Reason);
        Assert.Equal(expected.Replace(" Set 2 of 3.", " Round 2 of 3: an exercise that feels good may be repeated."), (unit with { IsRepeat = true }).Items().ElementAt(1).Reason);
    }

    [Fact]
    public void RoutinesKeepTheirOwnFigures()
    {
        var twelve = RoutineTimeline.Build(Routines.Single(r => r.Slug == "twelve-back-stretches"), Catalog);
        var knees = twelve.Items.First(i => i.Slug == "knees-to-chest");
        Assert.Equal((9, 15), (knees.Reps!.Value, knees.HoldSeconds!.Value));
    }

    [Fact]
    public void ARoutineTimelinePlaysSidesAndSetsAndRestsLikeABuiltSession()
    {
        foreach (var routine in Routines)
        {
            var session = RoutineTimeline.Build(routine, Catalog);
            var clock = 0;
            foreach (var item in session.Items)
            {
                Assert.Equal(clock, item.StartSeconds);
                clock += item.Seconds;
            }
            Assert.Equal(clock, session.TotalSeconds);
            Assert.All(session.Items, i => Assert.True((SessionInvariants.PlayedSeconds(i) ?? i.Seconds) == i.Seconds, $"{routine.Slug}: {i.Slug}"));
        }

        var female1 = RoutineTimeline.Build(Routines.Single(r => r.Slug == "female-1"), Catalog);
        Assert.Equal(3, female1.Items.Count(i => i.Slug == "hyperextension"));
        var dancer = RoutineTimeline.Build(Routines.Single(r => r.Slug == "dancer-complex"), Catalog);
        Assert.Contains(dancer.Items, i => i.Role == ItemRole.Rest);
    }

    [Fact]
    public void TheValidatorReportsUnknownExercisesAndMissingDoses()
    {
        var broken = Routines[0] with
        {
            Blocks = [new RoutineBlock(BlockKind.Main, [new RoutineItem("no-such-move", null, null, null, null, null)])],
        };
        var problems = RoutineValidator.Validate([broken], Catalog);

        Assert.Contains($"{broken.Slug}: exercise 'no-such-move' is not in the catalog", problems);
        Assert.Contains($"{broken.Slug}: 'no-such-move' has no dose", problems);
    }

    [Fact]
    public void RestsComeWithinSevenMinutesOfWorkAndNeverRightBeforeTheRoutinesOwnChildsPose()
    {
        foreach (var routine in Routines)
        {
            var items = RoutineTimeline.Build(routine, Catalog).Blocks.Single(b => b.Kind == BlockKind.Main).Items;
            var work = 0;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.Role == ItemRole.Rest)
                {
                    Assert.False(i + 1 < items.Count && items[i + 1].Slug == SessionBuilder.ChildsPoseSlug, $"{routine.Slug}: a rest right before its own child's pose");
                    work = 0;
                    continue;
                }
                if (item.Slug == SessionBuilder.ChildsPoseSlug)
                {
                    work = 0;
                    continue;
                }
                // An exercise's sides and sets play together and cannot be split by a rest, so only a new exercise may not overrun.
                var startsAnExercise = i == 0 || items[i - 1].Slug != item.Slug;
                if (work > 0 && startsAnExercise) Assert.True(work + UnitSeconds(items, i) <= RestScheduler.MaxWorkSeconds, $"{routine.Slug}: {work + UnitSeconds(items, i)} s of work before {item.Slug} without a rest");
                work += item.Seconds;
            }
        }
    }

    private static int UnitSeconds(IReadOnlyList<SessionItem> items, int start) =>
        items.Skip(start).TakeWhile(i => i.Slug == items[start].Slug && i.Role == ItemRole.Exercise).Sum(i => i.Seconds);

    [Fact]
    public void ForMaximumTimeIsPlayedAsLongAsYouCanFromTheArticlesStartingFigure()
    {
        foreach (var slug in new[] { "sedentary-day", "female-2" })
        {
            var hang = RoutineTimeline.Build(Routines.Single(r => r.Slug == slug), Catalog).Items.First(i => i.Slug == "bar-hang");
            Assert.True(hang.AsLongAsYouCan);
            Assert.Equal(10, hang.HoldSeconds);
            Assert.Equal("as long as you can, from about 10 s", SessionText.Dose(hang));
        }
    }

    [Theory]
    [InlineData("base-warm-up", "Base")]
    [InlineData("female-1", "Female 1")]
    [InlineData("female-2", "Female 2")]
    [InlineData("sedentary-day", "With a sedentary lifestyle")]
    [InlineData("specialized", "Specialized stretching")]
    public void NamedComplexesSayWhatTheyAreForAndKeepTheArticlesNameAsAnAlias(string slug, string articleName)
    {
        var routine = Routines.Single(r => r.Slug == slug);
        Assert.NotEqual(articleName, routine.Name);
        Assert.Contains(articleName, routine.Aliases);
    }

    [Fact]
    public void BlockKindsAreWrittenInKebabCaseAndTheOlderSpellingsAreStillRead()
    {
        Assert.Equal("[\"warm-up\",\"main\",\"cool-down\"]", CatalogJson.Serialize(new[] { BlockKind.WarmUp, BlockKind.Main, BlockKind.CoolDown }));
        Assert.Equal([BlockKind.WarmUp, BlockKind.CoolDown], CatalogJson.Deserialize<BlockKind[]>("[\"warmup\",\"cooldown\"]"));
        Assert.Throws<System.Text.Json.JsonException>(() => CatalogJson.Deserialize<BlockKind[]>("[\"stretch\"]"));
    }
}
