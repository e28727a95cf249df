using Stretching.Core.Catalog;

namespace Stretching.Core.Tests.Catalog;

public sealed class DosageTests
{
    [Fact]
    public void HoldRepsAndSidesAreSummarizedInOneLine()
    {
        var exercise = TestExercises.Make("twist", d =>
        {
            d.Hold = new SecondsRange(15, 15);
            d.Reps = new CountRange(9, 9);
        }) with { PerSide = true };
        Assert.Equal("Hold 15 s · 9 reps · each side", Dosage.Summarize(exercise));
    }

    [Fact]
    public void WholeMinutesAreShownAsMinutes()
    {
        var exercise = TestExercises.Make("cardio", d =>
        {
            d.Hold = null;
            d.Duration = new SecondsRange(300, 420);
        });
        Assert.Equal("5-7 min", Dosage.Summarize(exercise));
    }

    [Fact]
    public void AnOpenEndedDurationReadsAsAtLeastItsFigure()
    {
        var exercise = TestExercises.Make("roller", d =>
        {
            d.Hold = null;
            d.Duration = new SecondsRange(300, 300, AtLeast: true);
        });
        Assert.Equal("At least 5 min", Dosage.Summarize(exercise));
        Assert.Equal("at least 5 min", Dosage.Seconds(exercise.Duration!));
        Assert.Equal("5 min", Dosage.Seconds(new SecondsRange(300, 300)));
    }

    [Fact]
    public void TheRollerKeepsTheArticlesAtLeastFiveMinutes()
    {
        var roller = CatalogFiles.LoadExercises(RepositoryPaths.Data).Single(e => e.Slug == "roller-lying");
        Assert.Equal(new SecondsRange(300, 300, AtLeast: true), roller.Duration);
        Assert.StartsWith("At least 5 min", Dosage.Summarize(roller));
    }

    [Fact]
    public void TheOpenEndedFlagIsWrittenOnlyWhenSet()
    {
        Assert.Equal("""{"minSeconds":20,"maxSeconds":30}""", CatalogJson.Serialize(new SecondsRange(20, 30)));
        Assert.Equal("""{"minSeconds":300,"maxSeconds":300,"atLeast":true}""", CatalogJson.Serialize(new SecondsRange(300, 300, true)));
        Assert.True(CatalogJson.Deserialize<SecondsRange>("""{"minSeconds":300,"maxSeconds":300,"atLeast":true}""").AtLeast);
        Assert.False(CatalogJson.Deserialize<SecondsRange>("""{"minSeconds":20,"maxSeconds":30}""").AtLeast);
    }

    [Fact]
    public void AnExerciseWithoutFiguresDefersToTheDoctor()
    {
        var exercise = TestExercises.Make("loop", d =>
        {
            d.Hold = null;
            d.Kind = ExerciseKind.Traction;
        });
        Assert.Equal("As advised by your doctor", Dosage.Summarize(exercise));
    }

    [Theory]
    [InlineData(20, 30, "20-30 s")]
    [InlineData(60, 60, "1 min")]
    [InlineData(60, 90, "60-90 s")]
    [InlineData(120, 180, "2-3 min")]
    public void SecondsAreWrittenReadably(int min, int max, string expected)
    {
        Assert.Equal(expected, Dosage.Seconds(min, max));
    }
}
