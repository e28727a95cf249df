using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

namespace Stretching.Core.Tests.Sessions;

public sealed class SessionEditorTests
{
    private static readonly CatalogSnapshot Catalog = new(
        CatalogFiles.LoadExercises(RepositoryPaths.Data), CatalogFiles.LoadRoutines(RepositoryPaths.Data), []);
    private static readonly SessionEditor Editor = new(Catalog);
    private static readonly HashSet<Condition> NoConditions = [];

    private static Session Built(int seed = 5) => ((SessionResult.Built)Catalog.Builder.Build(new SessionRequest
    {
        Minutes = 40, Level = Level.Intermediate, Seed = seed, Equipment = new HashSet<Equipment> { Equipment.Mat, Equipment.Chair },
    })).Session;

    private static IEnumerable<(string, int?, int?, Side?)> Exercises(Session session) =>
        session.Items.Where(i => i.Role == ItemRole.Exercise).Select(i => (i.Slug, i.Reps, i.HoldSeconds, i.Side));

    [Fact]
    public void RebuildingTheEntriesOfASessionPlaysTheSameExercisesSidesAndRounds()
    {
        foreach (var seed in Enumerable.Range(1, 20))
        {
            var session = Built(seed);
            var rebuilt = Editor.Rebuild(SessionEditor.Entries(session), NoConditions);

            Assert.Equal(Exercises(session), Exercises(rebuilt.Session));
            Assert.Empty(rebuilt.Removed);
            Assert.Equal(rebuilt.Session.Items.Sum(i => i.Seconds), rebuilt.Session.TotalSeconds);
        }
    }

    [Fact]
    public void RemovingAnExercisePlacesTheRestsAgain()
    {
        var session = Built();
        var entries = SessionEditor.Entries(session).ToList();
        entries.RemoveRange(entries.FindIndex(e => e.Block == BlockKind.Main), 3);

        var edited = Editor.Rebuild(entries, NoConditions).Session;

        Assert.True(edited.TotalSeconds < session.TotalSeconds);
        var mainItems = edited.Blocks.Single(b => b.Kind == BlockKind.Main).Items;
        Assert.Contains(mainItems, i => i.Role == ItemRole.Rest);
        var (work, stretch) = (0, new HashSet<string>());
        foreach (var item in mainItems)
        {
            if (item.Role == ItemRole.Rest)
            {
                (work, stretch) = (0, []);
                continue;
            }
            work += item.Seconds;
            stretch.Add(item.Slug);
            // Past 7 minutes without a rest only when one exercise, all its sides and rounds, is that long.
            Assert.True(work <= RestScheduler.MaxWorkSeconds || stretch.Count == 1, $"{work} s of {string.Join(", ", stretch)} without a rest");
        }
        Assert.Equal(entries.Count(e => e.Block == BlockKind.Main), SessionEditor.Entries(edited).Count(e => e.Block == BlockKind.Main));
    }

    [Fact]
    public void TheOwnersConditionsTakeOutWhatTheyRuleOutAndSayWhy()
    {
        var entries = new List<SessionEntry>
        {
            new(BlockKind.Main, "jefferson-curl", Dose.Held(40), 1),
            new(BlockKind.Main, "cat-cow", new Dose(null, 9, 5), 1),
        };

        var result = Editor.Rebuild(entries, new HashSet<Condition> { Condition.Hernia });

        var removed = Assert.Single(result.Removed);
        Assert.Equal("jefferson-curl", removed.Slug);
        Assert.Contains("bending forward under load", removed.Reason);
        var cat = Assert.Single(result.Session.Items, i => i.Slug == "cat-cow" && i.Role == ItemRole.Exercise);
        Assert.Contains("Needs care with disc hernia", cat.Reason);
    }

    [Fact]
    public void TheRestsTheEditorPlacesNeverNeedCareWithTheOwnersConditions()
    {
        var entries = SessionEditor.Entries(Built()).ToList();

        var plain = Editor.Rebuild(entries, NoConditions).Session;
        Assert.All(plain.Items.Where(i => i.Role == ItemRole.Rest), r => Assert.Equal(SessionBuilder.ChildsPoseSlug, r.Slug));

        foreach (var condition in Vocabulary.All<Condition>())
        {
            var rests = Editor.Rebuild(entries, new HashSet<Condition> { condition }).Session.Items.Where(i => i.Role == ItemRole.Rest).ToList();
            Assert.NotEmpty(rests);
            foreach (var rest in rests)
            {
                Assert.True(Safety.ExerciseSafety.Assess(Catalog.Exercise(rest.Slug)!, condition) is null, $"{rest.Slug} rests with {condition}");
                if (rest.Slug != SessionBuilder.ChildsPoseSlug) Assert.Contains("It takes the place of child's pose: ", rest.Reason);
            }
        }
    }

    [Theory]
    [InlineData("cat-cow", null, 9, 5, Level.Advanced, true)]
    [InlineData("cat-cow", null, 9, 5, Level.Beginner, false)]
    [InlineData("cat-cow", null, 7, 5, Level.Beginner, true)]
    [InlineData("cat-cow", null, 30, 5, Level.Advanced, false)]
    [InlineData("sphinx", null, null, 35, Level.Beginner, true)]
    [InlineData("sphinx", null, null, 300, Level.Advanced, false)]
    [InlineData("jogging-in-place", 360, null, null, Level.Beginner, true)]
    [InlineData("jogging-in-place", 3600, null, null, Level.Beginner, false)]
    [InlineData("jogging-in-place", 60, null, null, Level.Beginner, true)]
    [InlineData("jogging-in-place", 30, null, null, Level.Beginner, false)]
    [InlineData("sphinx", null, 5, null, Level.Beginner, false)]
    public void D4_ADoseMustStayWithinTheExercisesOwnRangeCappedForTheLevel(string slug, int? seconds, int? reps, int? hold, Level level, bool fits)
    {
        Assert.Equal(fits, Editor.DoseProblem(slug, new Dose(seconds, reps, hold), level) is null);
    }

    [Fact]
    public void D2_D4_EveryDoseTheBuilderGivesIsOneAPersonCouldHaveEntered()
    {
        foreach (var exercise in Catalog.Exercises.Where(DosageRules.CanDose))
        {
            foreach (var level in Enum.GetValues<Level>())
            {
                Assert.Null(Editor.DoseProblem(exercise.Slug, DosageRules.For(exercise, level), level));
            }
        }
    }
}
