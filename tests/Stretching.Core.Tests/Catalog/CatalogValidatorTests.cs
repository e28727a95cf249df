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
    public void OnlyADurationMayBeOpenEndedAndThenWithOneFigure()
    {
        var problems = CatalogValidator.Validate(
        [
            TestExercises.Make("a", d => d.Hold = new SecondsRange(60, 60, AtLeast: true)),
            TestExercises.Make("b", d => { d.Hold = null; d.Duration = new SecondsRange(300, 420, AtLeast: true); }),
            TestExercises.Make("c", d => { d.Hold = null; d.Duration = new SecondsRange(300, 300, AtLeast: true); }),
        ]);
        Assert.Contains(problems, p => p.StartsWith("a: hold cannot be open-ended"));
        Assert.Contains(problems, p => p.StartsWith("b: an open-ended duration (atLeast) gives only its minimum"));
        Assert.DoesNotContain(problems, p => p.StartsWith("c:"));
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
        var problems = CatalogValidator.Validate([TestExercises.Make("a", d =>
        {
            d.Contraindications = [Condition.Osteoporosis];
            d.Cautions = [Condition.Osteoporosis];
        })]);
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

    [Fact]
    public void AStoredListThatDropsWhatThePatternsRuleOutIsReported()
    {
        var problems = CatalogValidator.Validate([TestExercises.Make("plow-like", d =>
        {
            d.Patterns = [LoadPattern.LoadedFlexion, LoadPattern.NeckLoad, LoadPattern.LyingSupine];
            d.Contraindications = [Condition.Osteoporosis];
        })]);

        Assert.Contains("plow-like: contraindications lack 'cervical-spine-lesion', which its patterns rule out", problems);
        Assert.Contains("plow-like: contraindications lack 'hernia', which its patterns rule out", problems);
    }

    [Fact]
    public void AStoredCautionCannotSoftenARuleOut()
    {
        var problems = CatalogValidator.Validate([TestExercises.Make("twist", d =>
        {
            d.Patterns = [LoadPattern.Rotation, LoadPattern.LyingSupine];
            d.Contraindications = [];
            d.Cautions = [Condition.Osteoporosis];
        })]);

        Assert.Contains("twist: lists 'osteoporosis' as a caution, but its patterns rule it out: move it to contraindications", problems);
    }

    [Fact]
    public void AStoredListThatDropsWhatThePatternsNeedCareWithIsReported()
    {
        var problems = CatalogValidator.Validate([TestExercises.Make("fold", d => d.Cautions = [])]);
        Assert.Contains("fold: cautions lack 'hernia', which its patterns need care with", problems);
    }

    [Fact]
    public void StoredListsMayAddDeviceRulesOnTop()
    {
        Assert.Empty(CatalogValidator.Validate([TestExercises.Make("board", d =>
        {
            d.Contraindications = [Condition.KidneyStones, Condition.Glaucoma];
        })]));
    }

    [Fact]
    public void EveryExerciseNeedsPatternsAndThoseItsPositionImplies()
    {
        var problems = CatalogValidator.Validate(
        [
            TestExercises.Make("none", d => d.Patterns = []),
            TestExercises.Make("hang", d =>
            {
                d.Position = Position.Hanging;
                d.Patterns = [LoadPattern.AxialTraction];
            }),
        ]);
        Assert.Contains("none: no load pattern", problems);
        Assert.Contains("hang: starts hanging but lacks the pattern 'shoulder-load'", problems);
    }

    [Theory]
    [InlineData("As spine-top10 says, go slowly.")]
    [InlineData("Rest every 5-7 minutes (S2).")]
    [InlineData("The dancer-back routine.")]
    [InlineData("Holds follow D3.")]
    public void TextForPeopleMayNotShowInternalIdsOrRuleCodes(string text)
    {
        var problems = CatalogValidator.Validate([TestExercises.Make("a", d => d.Steps = ["Lie down.", text])]);
        Assert.Contains(problems, p => p.StartsWith("a: steps shows the internal reference"));
    }

    [Fact]
    public void ArticleTitlesAndOrdinaryWordsAreFineInTextForPeople()
    {
        Assert.Null(UserText.FindInternalReference("The therapeutic set of the article on spinal stretching, 5-7 breaths, 3 x 10."));
    }
}
