using Stretching.Core.Catalog;
using Stretching.Core.Sessions;

namespace Stretching.Core.Tests.Sessions;

/// <summary>Every rule of the builder as a check on a finished session; returns the rules it breaks.</summary>
internal static class SessionInvariants
{
    public static List<string> Violations(Session session, SessionRequest request, IReadOnlyDictionary<string, Exercise> catalog)
    {
        var v = new List<string>();
        var gentlest = ContraindicationScreen.NeedsGentlestSession(request);
        var level = gentlest ? Level.Beginner : request.Level;

        if (!session.Blocks.Select(b => b.Kind).SequenceEqual([BlockKind.Warmup, BlockKind.Main, BlockKind.Cooldown])) v.Add("blocks: not warm-up, main, cool-down");
        if (session.Blocks.Any(b => b.Kind != BlockKind.Main && b.Items.Count == 0)) v.Add("blocks: empty warm-up or cool-down");

        var clock = 0;
        foreach (var item in session.Items)
        {
            if (item.StartSeconds != clock) v.Add($"timeline: {item.Slug} starts at {item.StartSeconds}, expected {clock}");
            if (item.Seconds <= 0) v.Add($"timeline: {item.Slug} has no duration");
            clock += item.Seconds;
        }
        if (clock != session.TotalSeconds) v.Add("timeline: total differs from the sum of items");

        CheckWarmUp(session, request, gentlest, v);
        CheckMain(session, v);
        CheckCoolDown(session, v);
        CheckDosage(session, level, v);
        CheckSides(session, v);
        CheckSafety(session, request, level, gentlest, catalog, v);
        CheckOrderAndCoverage(session, request, catalog, v);

        var target = request.Minutes * 60;
        if (Math.Abs(session.TotalSeconds - target) > target * 0.05 && !session.Warnings.Any(w => w.Contains("minutes could be filled") || w.Contains("longer than")))
        {
            v.Add($"length: {session.TotalSeconds} s for {target} s without a warning");
        }
        if (request.Minutes < 30 && !session.Warnings.Any(w => w.Contains("30-50 minutes"))) v.Add("W1: short session without the note");
        return v;
    }

    private static void CheckWarmUp(Session session, SessionRequest request, bool gentlest, List<string> v)
    {
        var warmUp = session.Blocks[0].Items;
        if (warmUp.FirstOrDefault()?.Slug != SessionBuilder.JointWarmUpSlug) v.Add("S1: the warm-up does not start with the joint warm-up");
        var cardio = warmUp.Where(i => SessionBuilder.CardioSlugs.Contains(i.Slug)).ToList();
        if (gentlest && cardio.Count > 0) v.Add("S1: cardio in the gentlest session");
        if (!gentlest && cardio.Count == 0 && !session.Warnings.Any(w => w.Contains("no cardio"))) v.Add("S1: no cardio and no warning");
        if (request.Minutes >= 30)
        {
            foreach (var c in cardio)
            {
                var work = c.Seconds - SessionTiming.LeadSeconds;
                if (work is < 300 or > 420) v.Add($"S1: cardio of {work} s in a session of 30+ minutes");
            }
        }
    }

    private static void CheckMain(Session session, List<string> v)
    {
        var main = session.Blocks[1].Items;
        if (main.Count == 0) return;
        if (main[0].Role == ItemRole.Rest) v.Add("S2: the main block starts with a rest");
        if (main[^1].Role == ItemRole.Rest) v.Add("S2: a rest right before the cool-down");
        var work = 0;
        for (var i = 0; i < main.Count; i++)
        {
            var item = main[i];
            if (item.Role == ItemRole.Rest)
            {
                if (item.Slug != SessionBuilder.ChildsPoseSlug) v.Add("S2: a rest that is not child's pose");
                if (i > 0 && main[i - 1].Role == ItemRole.Rest) v.Add("S2: two rests in a row");
                if (work < RestScheduler.MinWorkSeconds) v.Add($"S2: a rest after only {work} s of work");
                work = 0;
                continue;
            }
            work += item.Seconds;
            if (work > RestScheduler.MaxWorkSeconds) v.Add($"S2: {work} s of work without a rest");
        }

        // Repeats (D7) are extra sets played back to back, so each exercise forms one run.
        var runs = main.Where(i => i.Role == ItemRole.Exercise).Select(i => i.Slug)
            .Aggregate(new List<string>(), (list, slug) => { if (list.Count == 0 || list[^1] != slug) list.Add(slug); return list; });
        if (runs.Count != runs.Distinct().Count()) v.Add("main: an exercise appears in two places");
        foreach (var run in main.Where(i => i.Role == ItemRole.Exercise).GroupBy(i => (i.Slug, i.Side)))
        {
            if (run.Count() > SessionBuilder.MaxSetsOfARepeatedExercise) v.Add($"D7: {run.Key.Slug} is repeated {run.Count()} times");
        }
    }

    private static void CheckCoolDown(Session session, List<string> v)
    {
        var cool = session.Blocks[2].Items;
        if (cool.Count != 2 || cool[0].Slug != SessionBuilder.RollsSlug || cool[0].Reps != 10) v.Add("S4: the cool-down does not start with 10 rolls");
        if (cool.LastOrDefault() is not { Slug: SessionBuilder.ChildsPoseSlug, HoldSeconds: >= 60 }) v.Add("S4: the cool-down does not end with 60+ s of child's pose");
    }

    private static void CheckDosage(Session session, Level level, List<string> v)
    {
        foreach (var item in session.Blocks[1].Items.Where(i => i.Role == ItemRole.Exercise))
        {
            if (item.Reps > DosageRules.MaxReps(level)) v.Add($"D4: {item.Slug} has {item.Reps} reps at {level}");
            if (item.HoldSeconds > DosageRules.MaxHoldSeconds(level)) v.Add($"D3: {item.Slug} holds {item.HoldSeconds} s at {level}");
            if (item.Reps is null && item.HoldSeconds < DosageRules.MinHoldSeconds) v.Add($"D2: {item.Slug} holds only {item.HoldSeconds} s");
        }
    }

    private static void CheckSides(Session session, List<string> v)
    {
        var items = session.Items.ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Side == Side.Left && (i + 1 >= items.Count || items[i + 1].Side != Side.Right || items[i + 1].Slug != items[i].Slug))
            {
                v.Add($"sides: {items[i].Slug} left is not followed by its right side");
            }
            if (items[i].Side == Side.Right && (i == 0 || items[i - 1].Side != Side.Left || items[i - 1].Slug != items[i].Slug))
            {
                v.Add($"sides: {items[i].Slug} right does not follow its left side");
            }
        }
    }

    private static void CheckSafety(Session session, SessionRequest request, Level level, bool gentlest, IReadOnlyDictionary<string, Exercise> catalog, List<string> v)
    {
        var screened = gentlest ? request.Conditions.Where(c => !ContraindicationScreen.RefusalConditions.Contains(c)).ToList() : request.Conditions.ToList();
        var excluded = session.Excluded.Select(e => e.Slug).ToHashSet();
        foreach (var item in session.Items.Where(i => i.Role == ItemRole.Exercise))
        {
            var exercise = catalog[item.Slug];
            if (exercise.Contraindications.Any(screened.Contains)) v.Add($"safety: {item.Slug} is contraindicated");
            if (exercise.Level > level && item.Slug != SessionBuilder.RollsSlug) v.Add($"level: {item.Slug} is above {level}");
            if (exercise.Equipment.Any(e => e != Equipment.Mat && !request.Equipment.Contains(e))) v.Add($"equipment: {item.Slug} needs more");
            if (excluded.Contains(item.Slug)) v.Add($"excluded: {item.Slug} is both excluded and played");
            if (request.Exclude.Contains(item.Slug) && !IsStructural(item.Slug)) v.Add($"exclude: {item.Slug} was left out by the user");
            if (gentlest && exercise.Kind is ExerciseKind.Strength or ExerciseKind.Traction) v.Add($"gentlest: {item.Slug} is {exercise.Kind}");
            if (!request.Include.Contains(item.Slug) && exercise.Cautions.Any(request.Conditions.Contains)) v.Add($"cautions: {item.Slug} needs extra care");
        }
        if (session.Excluded.Any(e => string.IsNullOrWhiteSpace(e.Reason))) v.Add("excluded: an exclusion without a reason");
    }

    private static void CheckOrderAndCoverage(Session session, SessionRequest request, IReadOnlyDictionary<string, Exercise> catalog, List<string> v)
    {
        var main = session.Blocks[1].Items.Where(i => i.Role == ItemRole.Exercise).Select(i => catalog[i.Slug]).ToList();
        var strengthStarted = false;
        var lastRank = -1;
        foreach (var exercise in main)
        {
            var isStrength = SessionBuilder.IsLowerBackStrength(exercise);
            if (strengthStarted && !isStrength) v.Add($"S3: {exercise.Slug} comes after lower-back strengthening");
            if (isStrength && !strengthStarted)
            {
                strengthStarted = true;
                lastRank = -1;
            }
            var rank = PositionOrder.Rank(exercise.Position);
            if (rank < lastRank) v.Add($"positions: {exercise.Slug} ({exercise.Position}) goes back up");
            lastRank = rank;
        }
        var shortOfTime = session.Warnings.Any(w => w.Contains("minutes could be filled"));
        if (request.Minutes >= 30 && !shortOfTime && main.SelectMany(e => e.Regions).Distinct().Count() < 3)
        {
            v.Add("regions: a session of 30+ minutes covers fewer than three regions");
        }
    }

    private static bool IsStructural(string slug) =>
        slug is SessionBuilder.JointWarmUpSlug or SessionBuilder.ChildsPoseSlug or SessionBuilder.RollsSlug || SessionBuilder.CardioSlugs.Contains(slug);
}
