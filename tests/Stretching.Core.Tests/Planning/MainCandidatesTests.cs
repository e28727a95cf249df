using Stretching.Core.Catalog;
using Stretching.Core.Safety;
using Stretching.Core.Sessions;
using Stretching.Core.Tests.Sessions;

namespace Stretching.Core.Tests.Planning;

/// <summary>The planner balances a week with the builder's main candidates, so they must be exactly what the main set picks from.</summary>
public sealed class MainCandidatesTests
{
    private static readonly IReadOnlyList<Exercise> Catalog = CatalogFiles.LoadExercises(RepositoryPaths.Data);
    private static readonly SessionBuilder Builder = new(Catalog);

    [Fact]
    public void EveryExerciseOfABuiltMainSetIsACandidateAndEveryCandidateSuitsThePersonWithoutCare()
    {
        var random = new Random(20261124);
        var checkedCount = 0;
        for (var i = 0; i < 400; i++)
        {
            var request = SessionPropertyTests.RandomRequest(random) with { Include = [], RedFlags = new HashSet<RedFlag>() };
            var candidates = Builder.MainCandidates(request);

            Assert.All(candidates, e =>
            {
                Assert.DoesNotContain(e.Slug, request.Exclude);
                Assert.NotEqual(ExerciseKind.WarmUp, e.Kind);
                Assert.Subset(request.Equipment.ToHashSet(), e.Equipment.ToHashSet());
                Assert.Empty(ExerciseSafety.Assess(e, request.Conditions));
            });
            if (Builder.Build(request).Session() is not { } session) continue;
            var main = session.Blocks.Single(b => b.Kind == BlockKind.Main).Items.Where(item => item.Role == ItemRole.Exercise).Select(item => item.Slug);
            Assert.Subset(candidates.Select(e => e.Slug).ToHashSet(), main.ToHashSet());
            checkedCount++;
        }
        Assert.True(checkedCount > 100, $"only {checkedCount} sessions were built");
    }
}
