using Stretching.Core.History;
using Stretching.Core.Sessions;
using static Stretching.Core.Tests.History.Records;

namespace Stretching.Core.Tests.History;

/// <summary>Per-exercise history: done, skipped, felt good or hurt (H4), and the hold over time (D7).</summary>
public sealed class ExerciseStatsTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-02T18:00:00Z");

    [Fact]
    public void ASessionCountsOnceWhateverItsSidesAndAnyDoneItemMakesItDone()
    {
        var record = Played("r1", Start, ("moon-stretch", Dose.Held(20))) with
        {
            Items = [new RecordItem("moon-stretch", Side.Left, ItemStatus.Done, 20), new RecordItem("moon-stretch", Side.Right, ItemStatus.Skipped, 0)],
        };

        var moon = Assert.Single(ExerciseStats.Of([record]));

        Assert.Equal((1, 0), (moon.TimesDone, moon.TimesSkipped));
        Assert.Equal(Start, moon.LastDone);
    }

    [Fact]
    public void D7_HoldsFollowTheSessionsAndASkippedSessionAddsNone()
    {
        SessionRecord[] records =
        [
            Played("r1", Start, ("sphinx", Dose.Held(30))),
            Played("r2", Start.AddDays(2), ("sphinx", Dose.Held(35))) with { Items = [new RecordItem("sphinx", null, ItemStatus.Skipped, 0)] },
            Played("r3", Start.AddDays(4), ("sphinx", Dose.Held(35))),
        ];

        var sphinx = Assert.Single(ExerciseStats.Of(records));

        Assert.Equal((2, 1), (sphinx.TimesDone, sphinx.TimesSkipped));
        Assert.Equal([("r1", 30), ("r3", 35)], sphinx.Holds.Select(h => (h.RecordId, h.Seconds)));
        Assert.Equal(Start.AddDays(4), sphinx.LastDone);
    }

    [Fact]
    public void WorkThatIsNotHeldCountsTheSecondsDone()
    {
        var record = Played("r1", Start, ("swimmer", Dose.Timed(40))) with { Items = [new RecordItem("swimmer", null, ItemStatus.Done, 32)] };

        Assert.Equal(32, Assert.Single(Assert.Single(ExerciseStats.Of([record])).Holds).Seconds);
    }

    [Fact]
    public void H4_FlagsAreCountedAndAFlaggedExerciseNeverDoneStillShows()
    {
        SessionRecord[] records =
        [
            Played("r1", Start, ("cat-cow", new Dose(null, 9, 5))) with { Flags = [new ExerciseFlag("cat-cow", Felt.Good)] },
            Played("r2", Start.AddDays(1), ("cat-cow", new Dose(null, 9, 5))) with { Flags = [new ExerciseFlag("cat-cow", Felt.Hurt), new ExerciseFlag("plow", Felt.Hurt)] },
        ];

        var stats = ExerciseStats.Of(records).ToDictionary(s => s.Slug);

        Assert.Equal((2, 1, 1), (stats["cat-cow"].TimesDone, stats["cat-cow"].TimesFeltGood, stats["cat-cow"].TimesHurt));
        Assert.Equal((0, 1, null), (stats["plow"].TimesDone, stats["plow"].TimesHurt, stats["plow"].LastDone));
    }

    [Fact]
    public void TheNameIsTheOneOfTheLatestSession()
    {
        var first = Played("r1", Start, ("sphinx", Dose.Held(30)));
        var renamed = Played("r2", Start.AddDays(1), ("sphinx", Dose.Held(30)));
        renamed = renamed with { Snapshot = renamed.Snapshot with { Blocks = [new SessionBlock(BlockKind.Main, [renamed.Snapshot.Items.Single() with { Name = "Sphinx pose" }])] } };

        Assert.Equal("Sphinx pose", Assert.Single(ExerciseStats.Of([renamed, first])).Name);
    }

    [Fact]
    public void OnGeneratedHistoriesEverySessionOfAnExerciseIsDoneOrSkippedAndTheStatsDoNotDependOnOrder()
    {
        var random = new Random(1122);
        string[] slugs = ["sphinx", "cat-cow", "moon-stretch", "swimmer"];
        for (var run = 0; run < 200; run++)
        {
            var records = Enumerable.Range(0, random.Next(0, 30)).Select(i =>
            {
                var picked = slugs.Where(_ => random.NextDouble() < 0.6).Select(s => (s, Dose.Held(random.Next(10, 46)))).ToArray();
                return Played($"r{i}", Start.AddHours(random.Next(0, 24 * 60)), picked) with
                {
                    Items = picked.Select(p => new RecordItem(p.s, null, random.NextDouble() < 0.8 ? ItemStatus.Done : ItemStatus.Skipped, random.Next(0, 60))).ToList(),
                    Flags = picked.Where(_ => random.NextDouble() < 0.2).Select(p => new ExerciseFlag(p.s, random.NextDouble() < 0.5 ? Felt.Good : Felt.Hurt)).ToList(),
                };
            }).ToList();

            var stats = ExerciseStats.Of(records);

            foreach (var s in stats)
            {
                Assert.Equal(records.Count(r => r.Items.Any(i => i.Slug == s.Slug)), s.TimesDone + s.TimesSkipped);
                Assert.Equal(s.TimesDone, s.Holds.Count);
                Assert.Equal(s.Holds.Select(h => h.At).Order(), s.Holds.Select(h => h.At));
                Assert.Equal(s.Holds.Count == 0 ? null : s.Holds.Max(h => h.At), s.LastDone);
            }
            var shuffled = ExerciseStats.Of(records.OrderBy(_ => random.Next()).ToList());
            Assert.Equal(stats.Select(Json), shuffled.Select(Json));
        }
    }

    private static string Json(ExerciseHistory history) => Core.Catalog.CatalogJson.Serialize(history);
}
