using Stretching.Core.Catalog;

namespace Stretching.Core.Tests.Catalog;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData(Position.AllFours, "all-fours")]
    [InlineData(Position.SideLying, "side-lying")]
    [InlineData(ExerciseKind.WarmUp, "warm-up")]
    [InlineData(Condition.CervicalSpineLesion, "cervical-spine-lesion")]
    [InlineData(Condition.ArthritisFlare, "arthritis-flare")]
    [InlineData(Equipment.HyperextensionBench, "hyperextension-bench")]
    public void IdsAreTheContractsKebabCaseNames(object value, string id)
    {
        Assert.Equal(id, Vocabulary.IdPolicy.ConvertName(value.ToString()!));
    }

    [Fact]
    public void EveryTermHasALabelAndItsIdParsesBack()
    {
        AssertRoundTrip<Region>();
        AssertRoundTrip<Position>();
        AssertRoundTrip<ExerciseKind>();
        AssertRoundTrip<Level>();
        AssertRoundTrip<Equipment>();
        AssertRoundTrip<Condition>();
    }

    [Theory]
    [InlineData("Lumbar")]
    [InlineData("lumbar ")]
    [InlineData("")]
    [InlineData(null)]
    public void ParsingIsExact(string? id)
    {
        Assert.False(Vocabulary.TryParse<Region>(id, out _));
    }

    private static void AssertRoundTrip<T>() where T : struct, Enum
    {
        foreach (var term in Vocabulary.All<T>())
        {
            Assert.False(string.IsNullOrWhiteSpace(Vocabulary.Label(term)));
            Assert.True(Vocabulary.TryParse<T>(Vocabulary.Id(term), out var parsed));
            Assert.Equal(term, parsed);
        }
    }
}
