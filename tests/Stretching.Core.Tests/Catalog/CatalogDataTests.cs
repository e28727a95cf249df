using Stretching.Core.Catalog;

namespace Stretching.Core.Tests.Catalog;

/// <summary>The curated data/ folder itself: what the app seeds from must be complete and consistent.</summary>
public sealed class CatalogDataTests
{
    private static readonly IReadOnlyList<Exercise> Catalog = CatalogFiles.LoadExercises(RepositoryPaths.Data);

    private static Exercise Get(string slug) => Catalog.Single(e => e.Slug == slug);

    [Fact]
    public void EveryFileLoadsAndTheCatalogHasNoValidationProblems()
    {
        Assert.Empty(CatalogValidator.Validate(Catalog));
    }

    [Fact]
    public void TheCatalogHoldsAtLeastFiftyExercises()
    {
        Assert.True(Catalog.Count >= 50, $"only {Catalog.Count} exercises");
    }

    [Fact]
    public void EveryArticleIsTheSourceOfSeveralExercises()
    {
        foreach (var article in Articles.All)
        {
            var count = Catalog.Count(e => e.Sources.Any(s => s.Article == article.Id));
            Assert.True(count >= 5, $"{article.Id} is cited by only {count} exercises");
        }
    }

    [Theory]
    [InlineData("childs-pose", "Embryo pose")]
    [InlineData("childs-pose", "Fetal position")]
    [InlineData("childs-pose", "Baby stretch")]
    [InlineData("cat-cow", "Cat & camel")]
    [InlineData("half-bridge", "Bridge on the shoulders")]
    public void MovementsWithSeveralNamesAreMergedUnderAliases(string slug, string alias)
    {
        Assert.Contains(alias, Get(slug).Aliases);
    }

    [Theory]
    [InlineData("joint-warm-up")]
    [InlineData("jogging-in-place")]
    [InlineData("spinal-rolls")]
    [InlineData("bar-hang")]
    [InlineData("evminov-board")]
    [InlineData("glisson-traction")]
    [InlineData("roller-lying")]
    public void WarmUpRecoveryAndEquipmentExercisesAreIncluded(string slug)
    {
        Assert.Contains(Catalog, e => e.Slug == slug);
    }

    [Fact]
    public void ExercisesOnlyNamedInSpineTop10AreMarkedAsNotFromTheArticles()
    {
        var namedOnly = Catalog.Where(e => !e.FromArticles).ToList();
        Assert.True(namedOnly.Count >= 10);
        Assert.Contains(namedOnly, e => e.Slug == "moon-stretch");
        Assert.All(namedOnly, e => Assert.Contains("Named in", e.Summary));
    }

    [Fact]
    public void FiguresFromTheArticlesAreKept()
    {
        Assert.Equal(new SecondsRange(15, 15), Get("knees-to-chest").Hold);
        Assert.Equal(new CountRange(9, 9), Get("knees-to-chest").Reps);
        Assert.Equal(new SecondsRange(10, 10), Get("half-bridge").Hold);
        Assert.Equal(new CountRange(10, 10), Get("spinal-rolls").Reps);
        Assert.Equal(new CountRange(5, 7), Get("cobra").Breaths);
        Assert.True(Get("plow").Hold!.MinSeconds >= 60);
        Assert.Equal(60, Get("bar-hang").Hold!.MaxSeconds);
    }

    [Fact]
    public void EquipmentSafetyRulesH6ToH8AreCarriedIntoContraindications()
    {
        Assert.Contains(Condition.CervicalSpineLesion, Get("bar-hang").Contraindications);
        Assert.Superset(
            new HashSet<Condition> { Condition.Paralysis, Condition.OpenWounds, Condition.CerebralPalsy, Condition.Stroke, Condition.Infection, Condition.Glaucoma, Condition.Aneurysm, Condition.KidneyStones },
            Get("evminov-board").Contraindications.ToHashSet());
        Assert.Superset(
            new HashSet<Condition> { Condition.VertebralFracture, Condition.LigamentTear, Condition.Neoplasm, Condition.Hypertension, Condition.Osteoporosis },
            Get("glisson-traction").Contraindications.ToHashSet());
    }

    [Fact]
    public void RuleH1ContraindicatesEveryBackExerciseForOsteoporosisThrombosisAndArthritisFlares()
    {
        var cardio = new[] { "jogging-in-place", "jumping-jacks", "mountain-climbers", "skipping-rope" };
        foreach (var exercise in Catalog.Where(e => !cardio.Contains(e.Slug)))
        {
            Assert.True(
                new[] { Condition.Osteoporosis, Condition.Thrombosis, Condition.ArthritisFlare }.All(exercise.Contraindications.Contains),
                $"{exercise.Slug} misses an H1 contraindication");
        }
    }

    [Fact]
    public void VariationLinksPointBothToEasierAndHarderForms()
    {
        Assert.Contains("cobra", Get("sphinx").Variations);
        Assert.Contains("gymnastic-bridge", Get("half-bridge").Variations);
    }
}
