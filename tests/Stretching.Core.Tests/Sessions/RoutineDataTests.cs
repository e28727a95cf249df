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
}
