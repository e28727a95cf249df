using Stretching.Core.Catalog;
using Stretching.Core.Planning;

namespace Stretching.Core.Tests.Planning;

public sealed class PlanGoalTests
{
    [Theory]
    [InlineData(PlanGoal.BackHealth, "back-health")]
    [InlineData(PlanGoal.Dancer, "dancer")]
    [InlineData(PlanGoal.StrengthAndCardio, "strength-and-cardio")]
    public void W2EachGoalHasAKebabCaseIdThatParsesBackAndALabel(PlanGoal goal, string id)
    {
        Assert.Equal(id, Vocabulary.Id(goal));
        Assert.True(Vocabulary.TryParse<PlanGoal>(id, out var parsed));
        Assert.Equal(goal, parsed);
        Assert.False(string.IsNullOrWhiteSpace(Vocabulary.Label(goal)));
    }
}
