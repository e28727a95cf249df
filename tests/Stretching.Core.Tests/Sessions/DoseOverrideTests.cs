using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

namespace Stretching.Core.Tests.Sessions;

/// <summary>
/// A request's own doses (a person's progression, D7) and its reasons for leaving exercises out:
/// the builder plays the doses within the level's limits (D2-D4) and says why something is left out.
/// </summary>
public sealed class DoseOverrideTests
{
    private static readonly IReadOnlyList<Exercise> Catalog = CatalogFiles.LoadExercises(RepositoryPaths.Data);
    private static readonly IReadOnlyDictionary<string, Exercise> BySlug = Catalog.ToDictionary(e => e.Slug);
    private static readonly SessionBuilder Builder = new(Catalog);

    private static SessionRequest Request(Level level = Level.Beginner) => new()
    {
        Minutes = 45,
        Level = level,
        Seed = 42,
        Equipment = new HashSet<Equipment> { Equipment.Mat },
        Include = ["sphinx", "spine-stretch"],
    };

    private static Session Build(SessionRequest request) =>
        Builder.Build(request).Session() ?? throw new InvalidOperationException("refused");

    private static SessionItem Played(Session session, string slug) => session.Items.First(i => i.Slug == slug && i.Role == ItemRole.Exercise);

    [Fact]
    public void D7_AnOverrideWithinTheLimitsIsPlayedAsItIs()
    {
        var session = Build(Request() with
        {
            DoseOverrides = new Dictionary<string, Dose> { ["sphinx"] = Dose.Held(35), ["spine-stretch"] = new Dose(null, 6, null) },
        });

        Assert.Equal(35, Played(session, "sphinx").HoldSeconds);
        Assert.Equal(6, Played(session, "spine-stretch").Reps);
    }

    [Theory]
    [InlineData(999, 40)]
    [InlineData(1, 30)]
    public void D2_D3_AnOverrideOutsideTheLimitsIsBroughtToTheNearestEnd(int asked, int played)
    {
        var session = Build(Request() with { DoseOverrides = new Dictionary<string, Dose> { ["sphinx"] = Dose.Held(asked) } });

        Assert.Equal(played, Played(session, "sphinx").HoldSeconds);
    }

    [Fact]
    public void D4_MoreRepetitionsThanTheLevelAllowsAreCapped()
    {
        var session = Build(Request() with { DoseOverrides = new Dictionary<string, Dose> { ["spine-stretch"] = new Dose(null, 30, null) } });

        Assert.Equal(DosageRules.MaxReps(Level.Beginner), Played(session, "spine-stretch").Reps);
    }

    [Fact]
    public void AnOverrideOfAnotherShapeIsIgnoredAndTheLevelsDosePlays()
    {
        var session = Build(Request() with { DoseOverrides = new Dictionary<string, Dose> { ["sphinx"] = new Dose(null, 5, null) } });

        var sphinx = Played(session, "sphinx");
        Assert.Equal(DosageRules.For(BySlug["sphinx"], Level.Beginner).HoldSeconds, sphinx.HoldSeconds);
        Assert.Null(sphinx.Reps);
    }

    [Fact]
    public void D7_OverridesLeaveTheFixedPartsAlone()
    {
        var plain = Build(Request());
        var session = Build(Request() with
        {
            DoseOverrides = new Dictionary<string, Dose> { [SessionBuilder.ChildsPoseSlug] = Dose.Held(25), [SessionBuilder.RollsSlug] = new Dose(null, 3, null) },
        });

        Assert.Equal(CatalogJson.Serialize(plain), CatalogJson.Serialize(session));
    }

    [Fact]
    public void H4_AReasonForLeavingOutIsShownInsteadOfYouLeftItOut()
    {
        const string reason = "Left out because it hurt last time.";
        var session = Build(Request() with
        {
            Exclude = ["cat-cow", SessionBuilder.ChildsPoseSlug],
            ExcludeReasons = new Dictionary<string, string> { ["cat-cow"] = reason, [SessionBuilder.ChildsPoseSlug] = reason },
        });

        Assert.Contains(session.Excluded, e => e.Slug == "cat-cow" && e.Reason == reason);
        Assert.Contains(session.Excluded, e => e.Slug == SessionBuilder.ChildsPoseSlug && e.Reason == reason);
        var rests = session.Items.Where(i => i.Role == ItemRole.Rest).ToList();
        Assert.NotEmpty(rests);
        Assert.All(rests, r => Assert.Contains($"takes the place of child's pose: {reason}", r.Reason));
    }

    [Fact]
    public void WithoutOverridesOrReasonsEveryGeneratedSessionIsUnchanged()
    {
        var random = new Random(7070);
        for (var i = 0; i < 200; i++)
        {
            var request = SessionPropertyTests.RandomRequest(random);
            var explicitlyEmpty = request with { DoseOverrides = new Dictionary<string, Dose>(), ExcludeReasons = new Dictionary<string, string>() };

            Assert.Equal(Json(Builder.Build(request)), Json(Builder.Build(explicitlyEmpty)));
        }
    }

    [Fact]
    public void D2_D3_D4_GeneratedOverridesNeverTakeADosePastTheLevelsLimitsAndEveryRuleStillHolds()
    {
        var random = new Random(20261122);
        var failures = new List<string>();
        var dosable = Catalog.Where(DosageRules.CanDose).ToList();
        for (var i = 0; i < 600; i++)
        {
            var overrides = dosable.Where(_ => random.NextDouble() < 0.3).ToDictionary(e => e.Slug, _ => RandomDose(random));
            var request = SessionPropertyTests.RandomRequest(random) with { DoseOverrides = overrides };
            if (Builder.Build(request).Session() is not { } session) continue;

            var level = ContraindicationScreen.NeedsGentlestSession(request) ? Level.Beginner : request.Level;
            failures.AddRange(SessionInvariants.Violations(session, request, BySlug).Select(v => $"#{i}: {v}"));
            foreach (var item in session.Blocks.Single(b => b.Kind == BlockKind.Main).Items.Where(it => it.Role == ItemRole.Exercise))
            {
                var limits = DosageRules.Limits(BySlug[item.Slug], level);
                if (item.Reps > limits.Reps?.Max) failures.Add($"#{i}: {item.Slug} has {item.Reps} reps, past {limits.Reps.Max}");
                if (item.HoldSeconds > limits.HoldSeconds?.Max) failures.Add($"#{i}: {item.Slug} holds {item.HoldSeconds} s, past {limits.HoldSeconds.Max}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>Any shape, any figure, including nonsense, as a stored override might be after the catalog changed.</summary>
    private static Dose RandomDose(Random random)
    {
        int? Some() => random.NextDouble() < 0.5 ? null : random.Next(-5, 200);
        return new Dose(Some(), Some(), Some());
    }

    private static string Json(SessionResult result) => CatalogJson.Serialize(result.Session()) + CatalogJson.Serialize(result.Refusal());
}
