using Stretching.Core.Catalog;
using Stretching.Core.Safety;
using Stretching.Core.Sessions;

namespace Stretching.Core.Tests.Sessions;

/// <summary>One row per health condition: what the rules table says about it holds in every session built.</summary>
public sealed class ConditionRuleTests
{
    private static readonly IReadOnlyList<Exercise> Catalog = CatalogFiles.LoadExercises(RepositoryPaths.Data);
    private static readonly IReadOnlyDictionary<string, Exercise> BySlug = Catalog.ToDictionary(e => e.Slug);
    private static readonly SessionBuilder Builder = new(Catalog);
    private static readonly HashSet<Equipment> EverythingAtHand = [.. Vocabulary.All<Equipment>()];

    public static TheoryData<Condition> Conditions => [.. Vocabulary.All<Condition>()];

    [Theory]
    [MemberData(nameof(Conditions))]
    public void WhatAConditionRulesOutNeverPlaysWithOrWithoutADoctorsApproval(Condition condition)
    {
        var ruledOut = SafetyRules.Patterns.Where(r => r.Condition == condition && r.Effect == RuleEffect.RulesOut).SelectMany(r => r.Patterns).ToHashSet();
        var built = 0;
        foreach (var approved in new[] { false, true })
        {
            for (var seed = 0; seed < 40; seed++)
            {
                var request = new SessionRequest
                {
                    Minutes = 30 + seed % 4 * 15,
                    Level = Vocabulary.All<Level>()[seed % 3],
                    Equipment = EverythingAtHand,
                    Conditions = new HashSet<Condition> { condition },
                    DoctorApproved = approved,
                    Seed = seed,
                    // Asking for everything must not let anything ruled out through either.
                    Include = seed % 5 == 0 ? [.. Catalog.Select(e => e.Slug)] : [],
                };
                if (Builder.Build(request).Session() is not { } session) continue;
                built++;
                foreach (var item in session.Items)
                {
                    var exercise = BySlug[item.Slug];
                    Assert.False(exercise.Patterns.Any(ruledOut.Contains), $"{item.Slug} plays with {condition} (approved: {approved})");
                    Assert.DoesNotContain(condition, exercise.Contraindications);
                }
            }
        }
        var refusedUntilApproved = SafetyRules.ProgrammeFor(condition)?.Effect is ProgrammeEffect.DoctorFirst;
        var neverBuilt = SafetyRules.ProgrammeFor(condition)?.Effect is ProgrammeEffect.Postpone;
        Assert.Equal(neverBuilt ? 0 : refusedUntilApproved ? 40 : 80, built);
    }

    [Theory]
    [MemberData(nameof(Conditions))]
    public void WhatNeedsCarePlaysOnlyWhenAskedForAndThenSaysWhy(Condition condition)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var request = new SessionRequest
            {
                Minutes = 45,
                Level = Level.Advanced,
                Equipment = EverythingAtHand,
                Conditions = new HashSet<Condition> { condition },
                DoctorApproved = true,
                Seed = seed,
                Include = seed % 2 == 0 ? [.. Catalog.Where(e => e.Cautions.Contains(condition)).Select(e => e.Slug).Take(3)] : [],
            };
            if (Builder.Build(request).Session() is not { } session) return;
            foreach (var item in session.Blocks.Single(b => b.Kind == BlockKind.Main).Items.Where(i => i.Role == ItemRole.Exercise))
            {
                if (ExerciseSafety.Assess(BySlug[item.Slug], condition) is not { Effect: RuleEffect.NeedsCare } note) continue;
                Assert.Contains(item.Slug, request.Include);
                Assert.Contains(note.Reason, item.Reason);
            }
        }
    }
}
