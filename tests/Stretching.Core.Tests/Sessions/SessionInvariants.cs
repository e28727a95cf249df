using Stretching.Core.Catalog;
using Stretching.Core.Safety;
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

        if (!session.Blocks.Select(b => b.Kind).SequenceEqual([BlockKind.WarmUp, BlockKind.Main, BlockKind.CoolDown])) v.Add("blocks: not warm-up, main, cool-down");
        if (session.Blocks[0].Items.Count == 0 && !session.Warnings.Any(w => w.Contains("no cardio"))) v.Add("blocks: an empty warm-up without a reason");
        if (session.Blocks[2].Items.Count == 0 && !session.Warnings.Any(w => w.StartsWith("No cool-down pose suits"))) v.Add("blocks: an empty cool-down without a reason");

        var clock = 0;
        foreach (var item in session.Items)
        {
            if (item.StartSeconds != clock) v.Add($"timeline: {item.Slug} starts at {item.StartSeconds}, expected {clock}");
            if (item.Seconds <= 0) v.Add($"timeline: {item.Slug} has no duration");
            if (PlayedSeconds(item) is { } played && played != item.Seconds) v.Add($"timing: {item.Slug} plays {played} s by its own figures but lasts {item.Seconds} s");
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

    /// <summary>What the player plays from the item's own figures: its lead, then its repetitions or its hold; null for timed work.</summary>
    internal static int? PlayedSeconds(SessionItem item) => item switch
    {
        { Reps: { } reps, RepSeconds: { } rep } => item.LeadSeconds + reps * rep,
        { Reps: null, HoldSeconds: { } hold } => item.LeadSeconds + hold,
        _ => null,
    };

    private static void CheckWarmUp(Session session, SessionRequest request, bool gentlest, List<string> v)
    {
        var warmUp = session.Blocks[0].Items;
        var joint = SessionStructure.Candidates[StructuralRole.JointWarmUp];
        var first = warmUp.FirstOrDefault();
        if (first is null || !joint.Contains(first.Slug))
        {
            if (!session.Excluded.Any(e => e.Slug == joint[0]) || !session.Warnings.Any(w => w.StartsWith("No joint warm-up suits"))) v.Add("S1: no joint warm-up and no reason");
        }
        else if (first.Slug != joint[0])
        {
            if (!first.Reason.StartsWith("In place of the joint warm-up") || !first.Reason.Contains("The joint warm-up is left out: ")) v.Add("S1: a stand-in for the joint warm-up without a reason");
            if (first.Reason.Contains("twists, tilts and turns") || first.Reason.Contains("joint warm-up comes first")) v.Add("S1: a stand-in described as the joint warm-up");
        }
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
                if (!SessionStructure.Candidates[StructuralRole.Rest].Contains(item.Slug)) v.Add($"S2: {item.Slug} is not a rest pose");
                if (i > 0 && main[i - 1].Role == ItemRole.Rest) v.Add("S2: two rests in a row");
                if (work < RestScheduler.MinWorkSeconds) v.Add($"S2: a rest after only {work} s of work");
                work = 0;
                continue;
            }
            work += item.Seconds;
            if (work > RestScheduler.MaxWorkSeconds && !session.Warnings.Any(w => w.StartsWith("No rest pose suits"))) v.Add($"S2: {work} s of work without a rest");
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
        // The rolls or their stand-in (both sides of a per-side one), then the final pose.
        var cool = session.Blocks[2].Items;
        var rollsItems = cool.Count > 0 && cool[0].Side == Side.Left ? 2 : 1;
        if (cool.Count >= 2 && cool.Count == rollsItems + 1)
        {
            var (rolls, final) = (cool[0], cool[^1]);
            if (!SessionStructure.Candidates[StructuralRole.Rolls].Contains(rolls.Slug)) v.Add($"S4: the cool-down starts with {rolls.Slug}");
            else if (rolls.Slug == SessionBuilder.RollsSlug ? rolls.Reps != SessionBuilder.RollCount
                : !rolls.Reason.StartsWith("In place of the rolls on the back") || !rolls.Reason.Contains("The rolls are left out: ")) v.Add("S4: not 10 rolls, nor a stand-in that says why");
            if (rolls.Slug != SessionBuilder.RollsSlug && rolls.Reason.Contains("rolls on the rounded back")) v.Add("S4: a stand-in described as the rolls");
            if (!SessionStructure.Candidates[StructuralRole.FinalPose].Contains(final.Slug) || final.HoldSeconds < 60) v.Add("S4: the cool-down does not end with a resting pose of 60+ s");
            if (final.Slug != SessionBuilder.ChildsPoseSlug && (!final.Reason.StartsWith("In place of child's pose") || final.Reason.Contains("arms forward, then alongside"))) v.Add("S4: a stand-in for the final pose described as child's pose");
        }
        else if (!session.Warnings.Any(w => w.StartsWith("No cool-down pose suits"))) v.Add("S4: the cool-down is incomplete without a warning");
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
        var excluded = session.Excluded.Select(e => e.Slug).ToHashSet();
        // Every item, rests and the fixed parts included: the safety pages promise that what needs care plays only when asked for.
        foreach (var item in session.Items)
        {
            var exercise = catalog[item.Slug];
            var notes = ExerciseSafety.Assess(exercise, request.Conditions);
            if (notes.Any(n => n.Effect == RuleEffect.RulesOut)) v.Add($"safety: {item.Slug} is ruled out for {string.Join(", ", request.Conditions)}");
            var needsCare = notes.Any(n => n.Effect == RuleEffect.NeedsCare);
            if (needsCare && !request.Include.Contains(item.Slug)) v.Add($"cautions: {item.Slug} ({item.Role}) needs care and was not asked for");
            if (needsCare && !item.Reason.Contains("Needs care")) v.Add($"cautions: {item.Slug} needs care and does not say so");
            if (exercise.Level > level) v.Add($"level: {item.Slug} is above {level}");
            if (exercise.Equipment.Any(e => !request.Equipment.Contains(e))) v.Add($"equipment: {item.Slug} needs more");
            if (excluded.Contains(item.Slug)) v.Add($"excluded: {item.Slug} is both excluded and played");
            if (request.Exclude.Contains(item.Slug)) v.Add($"exclude: {item.Slug} was left out by the user");
            if (gentlest && exercise.Kind is ExerciseKind.Strength or ExerciseKind.Traction) v.Add($"gentlest: {item.Slug} is {exercise.Kind}");
        }
        if (session.Excluded.Any(e => string.IsNullOrWhiteSpace(e.Reason))) v.Add("excluded: an exclusion without a reason");
        var texts = session.Warnings.Concat(session.Excluded.Select(e => e.Reason)).Concat(session.Items.Select(i => i.Reason));
        foreach (var text in texts)
        {
            if (UserText.FindInternalReference(text) is { } reference) v.Add($"words: '{reference}' shown to people in \"{text}\"");
        }
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
}
