using Stretching.Core.Catalog;

namespace Stretching.Core.Tests.Catalog;

public sealed class ExerciseFilterTests
{
    private static readonly Exercise[] Catalog =
    [
        TestExercises.Make("cobra", d =>
        {
            d.Name = "Cobra pose";
            d.Aliases = ["Bhujangasana"];
            d.Position = Position.Prone;
            d.Level = Level.Advanced;
        }),
        TestExercises.Make("childs-pose", d =>
        {
            d.Name = "Child's pose";
            d.Aliases = ["Embryo pose"];
            d.Position = Position.Kneeling;
            d.Kind = ExerciseKind.Relaxation;
        }),
        TestExercises.Make("bar-hang", d =>
        {
            d.Regions = [Region.Thoracic, Region.Shoulders];
            d.Position = Position.Hanging;
            d.Kind = ExerciseKind.Traction;
            d.Equipment = [Equipment.HorizontalBar];
            d.Contraindications = [Condition.CervicalSpineLesion];
        }),
        TestExercises.Make("standing-side-stretch", d =>
        {
            d.Regions = [Region.Thoracic];
            d.Position = Position.Standing;
            d.Equipment = [];
        }),
    ];

    private static string[] Slugs(ExerciseFilter filter) => filter.Apply(Catalog).Select(e => e.Slug).ToArray();

    [Fact]
    public void AnEmptyFilterKeepsEverything()
    {
        Assert.True(new ExerciseFilter().IsEmpty);
        Assert.Equal(Catalog.Length, Slugs(new ExerciseFilter()).Length);
    }

    [Theory]
    [InlineData("cobra")]
    [InlineData("COBRA")]
    [InlineData("côbra")]
    [InlineData("bhujang")]
    public void SearchMatchesNameOrAliasIgnoringCaseAndAccents(string query)
    {
        Assert.Equal(["cobra"], Slugs(new ExerciseFilter { Query = query }));
    }

    [Theory]
    [InlineData("childs")]
    [InlineData("child's pose")]
    [InlineData("embryo")]
    public void SearchIgnoresApostrophes(string query)
    {
        Assert.Equal(["childs-pose"], Slugs(new ExerciseFilter { Query = query }));
    }

    [Fact]
    public void SeveralValuesOfOneFilterMatchAnyOfThem()
    {
        var filter = new ExerciseFilter { Positions = new HashSet<Position> { Position.Prone, Position.Kneeling } };
        Assert.Equal(["cobra", "childs-pose"], Slugs(filter));
    }

    [Fact]
    public void DifferentFiltersMustAllMatch()
    {
        var filter = new ExerciseFilter
        {
            Regions = new HashSet<Region> { Region.Thoracic },
            Kinds = new HashSet<ExerciseKind> { ExerciseKind.Stretch },
        };
        Assert.Equal(["standing-side-stretch"], Slugs(filter));
    }

    [Fact]
    public void EquipmentLeavesOutExercisesThatNeedSomethingTheUserLacks()
    {
        var filter = new ExerciseFilter { AvailableEquipment = new HashSet<Equipment> { Equipment.Mat } };
        Assert.Equal(["cobra", "childs-pose", "standing-side-stretch"], Slugs(filter));
    }

    [Fact]
    public void ExcludedConditionsLeaveOutContraindicatedExercises()
    {
        var filter = new ExerciseFilter { ExcludedConditions = new HashSet<Condition> { Condition.CervicalSpineLesion } };
        Assert.DoesNotContain("bar-hang", Slugs(filter));
        Assert.Equal(3, Slugs(filter).Length);
    }

    [Fact]
    public void LevelFilterKeepsOnlyThatLevel()
    {
        Assert.Equal(["cobra"], Slugs(new ExerciseFilter { Levels = new HashSet<Level> { Level.Advanced } }));
    }
}
