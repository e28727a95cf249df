using Stretching.Core.Catalog;

namespace Stretching.Core.Tests.Catalog;

public sealed class RelatedExercisesTests
{
    [Fact]
    public void RelatedExercisesShareARegionExcludeVariationsAndRankByOverlap()
    {
        var sphinx = TestExercises.Make("sphinx", d =>
        {
            d.Regions = [Region.Lumbar, Region.Thoracic];
            d.Variations = ["cobra"];
        });
        var catalog = new[]
        {
            sphinx,
            TestExercises.Make("cobra", d => d.Regions = [Region.Lumbar, Region.Thoracic]),
            TestExercises.Make("both", d => d.Regions = [Region.Lumbar, Region.Thoracic]),
            TestExercises.Make("one", d => d.Regions = [Region.Lumbar]),
            TestExercises.Make("neck", d => d.Regions = [Region.Neck]),
        };

        var related = RelatedExercises.Find(sphinx, catalog, 5).Select(e => e.Slug);

        Assert.Equal(["both", "one"], related);
    }
}
