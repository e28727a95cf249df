using Stretching.Core.Catalog;

namespace Stretching.Core.Tests.Catalog;

public sealed class CatalogValidatorTests
{
    [Fact]
    public void AValidCatalogHasNoProblems()
    {
        Assert.Empty(CatalogValidator.Validate([TestExercises.Make("a"), TestExercises.Make("b")]));
    }

    [Fact]
    public void DuplicateSlugsAreReported()
    {
        var problems = CatalogValidator.Validate([TestExercises.Make("a"), TestExercises.Make("a")]);
        Assert.Contains(problems, p => p.Contains("slug 'a' is used 2 times"));
    }

    [Fact]
    public void AnAliasThatIsAnotherExercisesNameIsReportedEvenWithDifferentCaseAndAccents()
    {
        var problems = CatalogValidator.Validate(
        [
            TestExercises.Make("cobra", d => d.Name = "Cobra"),
            TestExercises.Make("sphinx", d => d.Aliases = ["CÔBRA"]),
        ]);
        Assert.Contains(problems, p => p.StartsWith("sphinx:") && p.Contains("also used by 'cobra'"));
    }

    [Fact]
    public void UnknownVariationsAndArticlesAreReported()
    {
        var problems = CatalogValidator.Validate(
        [
            TestExercises.Make("a", d =>
            {
                d.Variations = ["missing"];
                d.Sources = [new("no-such-article", "x")];
            }),
        ]);
        Assert.Contains("a: variation 'missing' does not exist", problems);
        Assert.Contains("a: unknown article 'no-such-article'", problems);
    }

    [Fact]
    public void RangesMustBeOrderedAndPositive()
    {
        var problems = CatalogValidator.Validate(
        [
            TestExercises.Make("a", d => d.Hold = new SecondsRange(30, 20)),
            TestExercises.Make("b", d => d.Reps = new CountRange(0, 5)),
        ]);
        Assert.Contains("a: hold minimum 30 exceeds maximum 20", problems);
        Assert.Contains("b: reps must be positive", problems);
    }

    [Fact]
    public void MissingTextRegionsSourcesAndDosageAreReported()
    {
        var problems = CatalogValidator.Validate(
        [
            TestExercises.Make("a", d =>
            {
                d.Steps = [];
                d.Regions = [];
                d.Sources = [];
                d.Hold = null;
            }),
        ]);
        Assert.Contains("a: steps are missing or empty", problems);
        Assert.Contains("a: no region", problems);
        Assert.Contains("a: no source", problems);
        Assert.Contains("a: no dosage: give a hold, reps, breaths or a duration", problems);
    }

    [Fact]
    public void TractionDevicesMayLeaveTheDosageToTheDoctor()
    {
        var traction = TestExercises.Make("a", d =>
        {
            d.Kind = ExerciseKind.Traction;
            d.Hold = null;
        });
        Assert.Empty(CatalogValidator.Validate([traction]));
    }

    [Fact]
    public void AConditionCannotBeBothContraindicationAndCaution()
    {
        var problems = CatalogValidator.Validate([TestExercises.Make("a", d => d.Cautions = [Condition.Osteoporosis])]);
        Assert.Contains("a: 'osteoporosis' is both a contraindication and a caution", problems);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("two  words")]
    [InlineData("trailing-")]
    public void SlugsMustBeLowerCaseWordsJoinedByHyphens(string slug)
    {
        var problems = CatalogValidator.Validate([TestExercises.Make("x", d => d.Slug = slug)]);
        Assert.Contains($"{slug}: slug must be lower-case words joined by '-'", problems);
    }
}
