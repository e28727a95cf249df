using Stretching.Core.Catalog;
using Stretching.Core.History;
using static Stretching.Core.Tests.History.Records;

namespace Stretching.Core.Tests.History;

/// <summary>The pain trend and H5's warning: rising pain, or pain not improving after two weeks, means see a doctor.</summary>
public sealed class PainTrendTests
{
    private static readonly DateTimeOffset Until = DateTimeOffset.Parse("2026-11-22T20:00:00Z");
    private static readonly DateTimeOffset ThreeWeeksBefore = Until.AddDays(-21);

    /// <summary>A session every other day for three weeks before <see cref="Until"/>, rated by day (0 = three weeks before).</summary>
    private static List<SessionRecord> EveryOtherDay(Func<int, int?> before, Func<int, int?>? after = null) =>
        Enumerable.Range(0, 11).Select(i => 2 * i).Select(day => At($"d{day:00}", ThreeWeeksBefore.AddDays(day).AddHours(1)) with
        {
            PainBefore = before(day),
            PainAfter = after?.Invoke(day),
        }).ToList();

    private static PainTrendReport Trend(IEnumerable<SessionRecord> records) => PainTrend.Of(records, ThreeWeeksBefore, Until);

    [Fact]
    public void H5_PainRisingByTwoPointsOverTwoWeeksTellsThePersonToSeeADoctor()
    {
        var report = Trend(EveryOtherDay(day => 2 + day / 5));

        Assert.Equal(PainVerdict.Rising, report.Verdict);
        Assert.True(report.SeeDoctor);
        Assert.Contains("see a doctor", report.Text);
        Assert.True(report.Line!.SlopePerWeek > 0);
    }

    [Fact]
    public void H5_PainThatStaysForMoreThanTwoWeeksOfSessionsTellsThePersonToSeeADoctor()
    {
        var report = Trend(EveryOtherDay(_ => 3));

        Assert.Equal(PainVerdict.NotImproving, report.Verdict);
        Assert.True(report.SeeDoctor);
        Assert.Contains("see a doctor", report.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void H5_FallingPainIsEasingWithoutAWarning()
    {
        var report = Trend(EveryOtherDay(day => 6 - day / 5));

        Assert.Equal(PainVerdict.Easing, report.Verdict);
        Assert.False(report.SeeDoctor);
        Assert.True(report.Line!.SlopePerWeek < 0);
    }

    [Fact]
    public void NoPainIsLow()
    {
        Assert.Equal(PainVerdict.Low, Trend(EveryOtherDay(_ => 0)).Verdict);
    }

    [Fact]
    public void H5_NewMildPainIsWatchedNotWarnedAbout()
    {
        var report = Trend(EveryOtherDay(day => day < 10 ? 0 : 1));

        Assert.Equal(PainVerdict.Mild, report.Verdict);
        Assert.False(report.SeeDoctor);
    }

    [Fact]
    public void H5_ARiseOfJustUnderTwoPointsIsNotRising()
    {
        // The earlier week rates 0, 0, 1, 0 (an average of 1/4), the last week 2 each time: a rise of 1.75.
        var records = EveryOtherDay(day => day switch { < 7 => day == 4 ? 1 : 0, >= 14 => 2, _ => 0 });

        var report = Trend(records);

        Assert.Equal((0.25, 2.0), (report.EarlierAverage, report.RecentAverage));
        Assert.Equal(PainVerdict.Mild, report.Verdict);
    }

    [Fact]
    public void H5_ARiseOfExactlyTwoPointsIsRisingEvenWhenTheAveragesAreThirds()
    {
        // 5/3 two weeks before, 11/3 in the last week: in floating point the difference is just under 2.
        var records = new[] { (1, 1), (3, 2), (5, 2), (15, 3), (17, 4), (19, 4) }
            .Select(r => At($"d{r.Item1:00}", ThreeWeeksBefore.AddDays(r.Item1)) with { PainBefore = r.Item2 });

        var report = Trend(records);

        Assert.Equal(PainVerdict.Rising, report.Verdict);
        Assert.Contains("up by about 2 points", report.Text);
    }

    [Fact]
    public void TooFewRatingsGiveNoVerdict()
    {
        var lastWeekOnly = EveryOtherDay(day => day >= 14 ? 5 : null);

        var report = Trend(lastWeekOnly);

        Assert.Equal(PainVerdict.NoVerdict, report.Verdict);
        Assert.Null(report.EarlierAverage);
        Assert.False(report.SeeDoctor);
    }

    [Fact]
    public void ASkippedQuestionLeavesNoPointAndTheRatingAfterStandsInForTheOneBefore()
    {
        SessionRecord[] records =
        [
            At("both", Until.AddDays(-3)) with { PainBefore = 4, PainAfter = 2 },
            At("after-only", Until.AddDays(-2)) with { PainAfter = 3 },
            At("neither", Until.AddDays(-1)),
        ];

        var report = Trend(records);

        Assert.Equal(["both", "after-only"], report.Points.Select(p => p.RecordId));
        Assert.Equal([4, 3], report.Points.Select(p => p.Level!.Value));
        Assert.Null(report.Line);
    }

    [Fact]
    public void TheLineIsTheLeastSquaresFitWithItsSlopePerWeek()
    {
        var records = Enumerable.Range(0, 5).Select(day => At($"d{day}", ThreeWeeksBefore.AddDays(day)) with { PainBefore = 1 + day }).ToList();

        var line = Trend(records).Line!;

        Assert.Equal(7.0, line.SlopePerWeek, 9);
        Assert.Equal(1.0, line.At(ThreeWeeksBefore), 9);
        Assert.Equal(5.0, line.At(ThreeWeeksBefore.AddDays(4)), 9);
    }

    [Fact]
    public void EveryTextReadsCleanForPeople()
    {
        var verdicts = new[] { EveryOtherDay(day => 2 + day / 5), EveryOtherDay(_ => 3), EveryOtherDay(day => 6 - day / 5), EveryOtherDay(_ => 0), EveryOtherDay(day => day < 10 ? 0 : 1), [] }
            .Select(Trend).ToList();

        Assert.Equal(Enum.GetValues<PainVerdict>().Order(), verdicts.Select(v => v.Verdict).Order());
        Assert.All(verdicts, v => Assert.Null(UserText.FindInternalReference(v.Text)));
    }

    [Fact]
    public void H5_OnGeneratedSeriesTheWarningFiresWhenPainRisesAndNeverWhenItFalls()
    {
        var random = new Random(5150);
        for (var run = 0; run < 500; run++)
        {
            var start = random.Next(0, 6);
            var rising = random.NextDouble() < 0.5;
            var records = RandomSeries(random, day => day switch
            {
                // The earlier week sits within one point of the start; the last week moves from its top or its bottom.
                <= 7 => start + random.Next(0, 2),
                >= 14 => rising ? Math.Min(10, start + 3 + random.Next(0, 3)) : Math.Max(0, start - 1 - random.Next(0, 3)),
                _ => random.Next(0, 11),
            });
            var report = Trend(records);
            var context = $"run {run}: {string.Join(",", report.Points.Select(p => p.Level))}";

            if (rising)
            {
                Assert.True(report.Verdict is PainVerdict.Rising or PainVerdict.NoVerdict, context);
                Assert.Equal(report.Verdict == PainVerdict.Rising, report.SeeDoctor);
            }
            else
            {
                Assert.False(report.SeeDoctor, context);
            }
            Assert.Equal(report, Trend(records.OrderBy(_ => random.Next()).ToList()), ReportComparer);
        }
    }

    /// <summary>Sessions on random days of the three weeks, some ratings skipped.</summary>
    private static List<SessionRecord> RandomSeries(Random random, Func<int, int> level)
    {
        var records = new List<SessionRecord>();
        for (var day = 0; day < 21; day++)
        {
            if (random.NextDouble() < 0.4) continue;
            var value = level(day);
            var (before, after) = random.Next(4) switch { 0 => (null, (int?)value), 1 => ((int?)value, null), 2 => (null, null), _ => ((int?)value, (int?)value) };
            records.Add(At($"d{day:00}", ThreeWeeksBefore.AddDays(day).AddHours(random.Next(1, 23))) with { PainBefore = before, PainAfter = after });
        }
        return records;
    }

    private static readonly IEqualityComparer<PainTrendReport> ReportComparer = EqualityComparer<PainTrendReport>.Create(
        (a, b) => a!.Points.SequenceEqual(b!.Points) && a.Line == b.Line && a.Verdict == b.Verdict && a.Text == b.Text, _ => 0);
}
