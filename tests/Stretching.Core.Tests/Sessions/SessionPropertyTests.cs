using Stretching.Core.Catalog;
using Stretching.Core.Safety;
using Stretching.Core.Sessions;

namespace Stretching.Core.Tests.Sessions;

/// <summary>Thousands of generated requests; every rule must hold on every session built.</summary>
public sealed class SessionPropertyTests
{
    private static readonly IReadOnlyList<Exercise> Catalog = CatalogFiles.LoadExercises(RepositoryPaths.Data);
    private static readonly IReadOnlyDictionary<string, Exercise> BySlug = Catalog.ToDictionary(e => e.Slug);
    private static readonly SessionBuilder Builder = new(Catalog);

    internal static SessionRequest RandomRequest(Random random)
    {
        T[] Some<T>(double chance) where T : struct, Enum =>
            Vocabulary.All<T>().Where(_ => random.NextDouble() < chance).ToArray();
        string[] SomeSlugs(double chance) => Catalog.Where(_ => random.NextDouble() < chance).Select(e => e.Slug).ToArray();

        return new SessionRequest
        {
            Minutes = random.Next(SessionRequest.MinMinutes, SessionRequest.MaxMinutes + 1),
            Level = Vocabulary.All<Level>()[random.Next(3)],
            Focus = Some<Region>(0.2).ToHashSet(),
            Equipment = Some<Equipment>(0.4).ToHashSet(),
            Conditions = Some<Condition>(random.NextDouble() < 0.5 ? 0 : 0.08).ToHashSet(),
            RedFlags = Some<RedFlag>(random.NextDouble() < 0.9 ? 0 : 0.3).ToHashSet(),
            DoctorApproved = random.NextDouble() < 0.3,
            Seed = random.Next(),
            Include = SomeSlugs(random.NextDouble() < 0.8 ? 0 : 0.04),
            Exclude = SomeSlugs(random.NextDouble() < 0.7 ? 0 : 0.1),
        };
    }

    [Fact]
    public void EveryRuleHoldsOnThousandsOfGeneratedSessions()
    {
        var random = new Random(20261121);
        var failures = new List<string>();
        var built = 0;
        for (var i = 0; i < 3000; i++)
        {
            var request = RandomRequest(random);
            var outcome = Builder.Build(request);
            var shouldRefuse = ExpectRefusal(request);
            if (shouldRefuse != (outcome.Refusal() is not null))
            {
                failures.Add($"#{i}: refusal was {outcome.Refusal() is not null}, expected {shouldRefuse}");
                continue;
            }
            if (outcome.Session() is not { } session) continue;
            built++;
            failures.AddRange(SessionInvariants.Violations(session, request, BySlug).Select(v => $"#{i} ({request.Minutes} min, {request.Level}, seed {request.Seed}): {v}"));
        }

        Assert.True(built > 1500, $"only {built} sessions were built");
        Assert.True(failures.Count == 0, $"{failures.Count} violations, e.g.\n" + string.Join("\n", failures.GroupBy(f => System.Text.RegularExpressions.Regex.Replace(f.Substring(f.IndexOf("): ") + 3), @"\d+", "N")).Select(g => g.Count() + " x " + g.First())));
    }

    private static bool ExpectRefusal(SessionRequest request)
    {
        var effects = request.Conditions.Select(SafetyRules.ProgrammeFor).OfType<ProgrammeRule>().Select(r => r.Effect).ToList();
        var urgencies = request.RedFlags.Select(SafetyRules.Urgency).ToList();
        return urgencies.Contains(RedFlagUrgency.Emergency)
            || effects.Contains(ProgrammeEffect.Postpone)
            || (!request.DoctorApproved && (urgencies.Count > 0 || effects.Contains(ProgrammeEffect.DoctorFirst)));
    }

    [Fact]
    public void LeavingOutOneItemChangesOnlyThatItem()
    {
        var random = new Random(4242);
        var checkedCount = 0;
        for (var i = 0; i < 600; i++)
        {
            var request = RandomRequest(random) with { RedFlags = new HashSet<RedFlag>() };
            if (Builder.Build(request).Session() is not { } session) continue;
            var played = session.Items.Select(item => item.Slug).Distinct().ToList();
            // Some combinations of conditions and missing equipment leave nothing safe to play, so nothing to leave out.
            if (played.Count == 0) continue;
            var leftOut = played[random.Next(played.Count)];

            var again = Builder.Build(request with { Exclude = [.. request.Exclude, leftOut] }).Session()!;

            var before = Picks(session);
            var after = Picks(again);
            Assert.DoesNotContain(leftOut, after.Keys);
            var changed = before.Keys.Where(slug => slug != leftOut && !after.ContainsKey(slug)).ToList();
            Assert.True(changed.Count == 0, $"#{i} leaving out {leftOut} also dropped {string.Join(", ", changed)}");
            var added = after.Keys.Where(slug => !before.ContainsKey(slug)).ToList();
            Assert.True(added.Count <= 1, $"#{i} leaving out {leftOut} added {string.Join(", ", added)}");
            checkedCount++;
        }
        Assert.True(checkedCount > 300, $"only {checkedCount} sessions were checked");

        // Each exercise with the role it plays, so a rest pose and a main-set pick count apart.
        static Dictionary<string, string> Picks(Session session) => session.Blocks
            .SelectMany(b => b.Items.Select(item => (Key: item.Slug, Role: $"{b.Kind}/{item.Role}")))
            .DistinctBy(p => p.Key)
            .ToDictionary(p => p.Key, p => p.Role);
    }

    /// <summary>
    /// After many leave-outs some picks stand in for earlier ones; leaving out one more, even one of
    /// those stand-ins, still replaces only that one.
    /// </summary>
    [Fact]
    public void LeavingOutOneMoreAfterManyLeaveOutsChangesOnlyThatItem()
    {
        var random = new Random(515);
        var checkedCount = 0;
        for (var i = 0; i < 400; i++)
        {
            var request = new SessionRequest
            {
                Minutes = random.Next(30, SessionRequest.MaxMinutes + 1),
                Level = Vocabulary.All<Level>()[random.Next(3)],
                Equipment = Vocabulary.All<Equipment>().Where(_ => random.NextDouble() < 0.6).ToHashSet(),
                Seed = random.Next(),
                Exclude = Catalog.Where(_ => random.NextDouble() < 0.15).Select(e => e.Slug).ToArray(),
            };
            var before = MainPicks(Builder.Build(request).Session()!);
            if (before.Count == 0) continue;
            var leftOut = before[random.Next(before.Count)];

            var after = MainPicks(Builder.Build(request with { Exclude = [.. request.Exclude, leftOut] }).Session()!);

            var dropped = before.Where(slug => slug != leftOut && !after.Contains(slug)).ToList();
            Assert.True(dropped.Count == 0, $"#{i} leaving out {leftOut} also dropped {string.Join(", ", dropped)}");
            Assert.True(after.Count(slug => !before.Contains(slug)) <= 1, $"#{i} leaving out {leftOut} added {string.Join(", ", after.Where(slug => !before.Contains(slug)))}");
            checkedCount++;
        }
        Assert.True(checkedCount > 300, $"only {checkedCount} sessions were checked");

        static List<string> MainPicks(Session session) =>
            session.Blocks.Single(b => b.Kind == BlockKind.Main).Items.Where(i => i.Role == ItemRole.Exercise).Select(i => i.Slug).Distinct().ToList();
    }

    [Fact]
    public void TheSameRequestAndSeedGiveTheSameSession()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var request = RandomRequest(random);
            var first = Builder.Build(request);
            var second = Builder.Build(request);
            Assert.Equal(CatalogJson.Serialize(first), CatalogJson.Serialize(second));
        }
    }

    [Fact]
    public void WithoutASeedSessionsVaryAndReportTheSeedThatRebuildsThem()
    {
        var request = new SessionRequest { Minutes = 45, Level = Level.Intermediate, Equipment = new HashSet<Equipment> { Equipment.Mat } };

        var sessions = Enumerable.Range(0, 5).Select(_ => Builder.Build(request).Session()!).ToList();

        Assert.True(sessions.Select(s => string.Join(",", s.Items.Select(i => i.Slug))).Distinct().Count() > 1);
        var rebuilt = Builder.Build(request with { Seed = sessions[0].Seed }).Session()!;
        Assert.Equal(CatalogJson.Serialize(sessions[0]), CatalogJson.Serialize(rebuilt));
    }
}
