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
