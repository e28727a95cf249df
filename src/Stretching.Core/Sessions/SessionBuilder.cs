using Stretching.Core.Catalog;

namespace Stretching.Core.Sessions;

/// <summary>
/// Builds a session from the catalog by the rules of domain-rules.md: warm-up first (S1), a main
/// block ordered by position with lower-back strengthening last (S3) and child's-pose rests (S2),
/// a cool-down of rolls and the embryo pose (S4), dosed by level (D1-D4) and screened for safety
/// (H1-H5). The same request and seed always give the same session.
/// </summary>
public sealed class SessionBuilder
{
    public const string JointWarmUpSlug = "joint-warm-up";
    public const string ChildsPoseSlug = "childs-pose";
    public const string RollsSlug = "spinal-rolls";
    public const string GentleCardioSlug = "jogging-in-place";
    public static readonly IReadOnlyList<string> CardioSlugs = ["jogging-in-place", "jumping-jacks", "mountain-climbers", "skipping-rope"];

    public const int FullWarmUpFromMinutes = 30;
    public const int RollCount = 10;
    public const int FinalPoseMinSeconds = 60;
    public const int FinalPoseMaxSeconds = 180;
    public const int CardioMinSeconds = 300;
    public const int CardioMaxSeconds = 420;
    public const double Tolerance = 0.05;
    public const int MaxSetsOfARepeatedExercise = 3;
    private const int FullJointWarmUpSeconds = 150;
    private const int MinShortWarmUpPartSeconds = 60;

    private readonly IReadOnlyList<Exercise> _catalog;
    private readonly IReadOnlyDictionary<string, Exercise> _bySlug;

    public SessionBuilder(IReadOnlyList<Exercise> catalog)
    {
        _catalog = catalog.OrderBy(e => e.Slug, StringComparer.Ordinal).ToList();
        _bySlug = _catalog.ToDictionary(e => e.Slug);
        foreach (var slug in CardioSlugs.Append(JointWarmUpSlug).Append(ChildsPoseSlug).Append(RollsSlug))
        {
            if (!_bySlug.ContainsKey(slug)) throw new ArgumentException($"The catalog lacks '{slug}', which every session needs.", nameof(catalog));
        }
    }

    public bool Contains(string slug) => _bySlug.ContainsKey(slug);

    public BuildOutcome Build(SessionRequest request)
    {
        if (ContraindicationScreen.Refuse(request) is { } refusal) return BuildOutcome.Refused(refusal);

        var seed = request.Seed ?? Random.Shared.Next();
        var plan = new Plan(request, seed, this);
        return BuildOutcome.Built(plan.Build());
    }

    /// <summary>Everything one build needs, kept together so the builder itself stays stateless.</summary>
    private sealed class Plan(SessionRequest request, int seed, SessionBuilder builder)
    {
        private readonly Random _random = new(seed);
        private readonly bool _gentlest = ContraindicationScreen.NeedsGentlestSession(request);
        private readonly List<ExcludedExercise> _excluded = [];
        private readonly List<string> _warnings = [.. ContraindicationScreen.Warnings(request)];
        private readonly int _target = request.Minutes * 60;

        private Level Level => _gentlest ? Level.Beginner : request.Level;

        private bool IsShort => request.Minutes < FullWarmUpFromMinutes;

        private Exercise ChildsPose => builder._bySlug[ChildsPoseSlug];

        public Session Build()
        {
            var (mainPool, warmUpExtras) = Screen();
            var warmUp = WarmUp(warmUpExtras);
            var cardio = warmUp.Cardio;
            var finalPose = new SessionUnit(ChildsPose, Dose.Held(FinalPoseMinSeconds),
                "The embryo pose closes the session: at least a minute, arms forward, then alongside the body (S4).");
            var rolls = new SessionUnit(builder._bySlug[RollsSlug], new Dose(null, RollCount, null),
                "About 10 rolls on the rounded back release it after the work (S4).");

            var fixedSeconds = warmUp.Units.Sum(u => u.Seconds) + rolls.Seconds + finalPose.Seconds;
            var main = SelectMain(mainPool, _target - fixedSeconds);
            var mainItems = RestScheduler.Schedule(Order(main), ChildsPose);

            // Absorb what is left with the two flexible parts: longer cardio (S1: 5-7 min), then a longer final pose.
            var gap = _target - fixedSeconds - mainItems.Sum(i => i.Seconds);
            if (cardio is not null && !IsShort && gap > 0)
            {
                var extra = Math.Min(gap, CardioMaxSeconds - cardio.Dose.Seconds!.Value);
                warmUp = warmUp.WithCardio(cardio with { Dose = Dose.Timed(cardio.Dose.Seconds!.Value + extra) });
                gap -= extra;
            }
            if (gap > 0)
            {
                finalPose = finalPose with { Dose = Dose.Held(Math.Min(FinalPoseMaxSeconds, FinalPoseMinSeconds + gap)) };
            }

            var blocks = new List<(BlockKind, List<SessionItem>)>
            {
                (BlockKind.Warmup, warmUp.Units.SelectMany(u => u.Items()).ToList()),
                (BlockKind.Main, mainItems),
                (BlockKind.Cooldown, [.. rolls.Items(), .. finalPose.Items()]),
            };
            AddLengthWarnings(blocks.Sum(b => b.Item2.Sum(i => i.Seconds)));
            return Timeline.Assemble(request.Minutes, seed, blocks, _excluded, _warnings);
        }

        private void AddLengthWarnings(int totalSeconds)
        {
            if (IsShort)
            {
                _warnings.Add("A full complex takes 30-50 minutes; a short session like this one keeps the habit going (W1).");
            }
            if (Math.Abs(totalSeconds - _target) > _target * Tolerance)
            {
                _warnings.Add(totalSeconds < _target
                    ? $"Only {totalSeconds / 60} of {request.Minutes} minutes could be filled: too few exercises suit your level, equipment and health."
                    : $"The session runs {totalSeconds / 60} minutes, longer than the {request.Minutes} asked, to fit the exercises you added.");
            }
        }

        /// <summary>Sorts the catalog into the main pool and the warm-up extras, recording every safety exclusion.</summary>
        private (List<SessionUnit> MainPool, List<SessionUnit> WarmUpExtras) Screen()
        {
            var included = request.Include.ToHashSet(StringComparer.Ordinal);
            var mainPool = new List<SessionUnit>();
            var warmUpExtras = new List<SessionUnit>();
            foreach (var exercise in builder._catalog)
            {
                if (IsStructural(exercise.Slug)) continue;
                var isIncluded = included.Contains(exercise.Slug);
                if (!isIncluded && exercise.Kind == ExerciseKind.WarmUp) continue;

                var unsuitable = Unsuitability(exercise);
                if (unsuitable is not null)
                {
                    if (isIncluded) Exclude(exercise, unsuitable, warn: true);
                    continue;
                }
                if (request.Exclude.Contains(exercise.Slug))
                {
                    Exclude(exercise, "You left it out.", warn: false);
                    continue;
                }
                if (ContraindicationScreen.ExclusionReason(exercise, request, isIncluded) is { } reason)
                {
                    Exclude(exercise, reason, warn: isIncluded);
                    continue;
                }

                var unit = new SessionUnit(exercise, DosageRules.For(exercise, Level), MainReason(exercise, isIncluded));
                (exercise.Kind == ExerciseKind.WarmUp ? warmUpExtras : mainPool).Add(unit);
            }
            foreach (var slug in request.Exclude.Where(IsStructural))
            {
                _warnings.Add($"{builder._bySlug[slug].Name} is part of every session's structure (S1, S2, S4), so it was kept.");
            }
            return (mainPool, warmUpExtras);
        }

        private static bool IsStructural(string slug) =>
            slug is JointWarmUpSlug or ChildsPoseSlug or RollsSlug || CardioSlugs.Contains(slug);

        /// <summary>Why an exercise does not fit this person's level, equipment or mode; null when it does.</summary>
        private string? Unsuitability(Exercise exercise)
        {
            if (!DosageRules.CanDose(exercise)) return "Only with a doctor's guidance; it has no set dose.";
            if (exercise.Level > Level) return $"It is a {Vocabulary.Label(exercise.Level).ToLowerInvariant()} exercise.";
            var missing = exercise.Equipment.Where(e => e != Equipment.Mat && !request.Equipment.Contains(e)).ToList();
            if (missing.Count > 0) return $"It needs {string.Join(", ", missing.Select(m => Vocabulary.Label(m).ToLowerInvariant()))}.";
            if (_gentlest && exercise.Kind is ExerciseKind.Strength or ExerciseKind.Traction)
            {
                return "Strength and traction work is left out of the gentlest session.";
            }
            return null;
        }

        private void Exclude(Exercise exercise, string reason, bool warn)
        {
            _excluded.Add(new ExcludedExercise(exercise.Slug, exercise.Name, reason));
            if (warn) _warnings.Add($"{exercise.Name} could not be added: {reason}");
        }

        private string MainReason(Exercise exercise, bool isIncluded)
        {
            if (isIncluded) return "You asked for it.";
            if (IsLowerBackStrength(exercise))
            {
                return "Lower-back strengthening comes last in the main block, so those muscles stay fresh to protect the spine (S3).";
            }
            var focus = exercise.Regions.Where(request.Focus.Contains).ToList();
            return focus.Count > 0
                ? $"Works your focus: {Labels(focus)}."
                : $"Adds {Labels(exercise.Regions)} for a balanced session.";
        }

        private static string Labels(IEnumerable<Region> regions) =>
            string.Join(", ", regions.Select(r => Vocabulary.Label(r).ToLowerInvariant()));

        private WarmUpPlan WarmUp(List<SessionUnit> extras)
        {
            var full = !IsShort;
            var share = Math.Min(1.0, request.Minutes / (double)FullWarmUpFromMinutes);
            var jointSeconds = full ? FullJointWarmUpSeconds : RoundTo5(Math.Max(MinShortWarmUpPartSeconds, FullJointWarmUpSeconds * share));
            var joint = new SessionUnit(builder._bySlug[JointWarmUpSlug], Dose.Timed(jointSeconds), full
                ? "The joint warm-up comes first: twists, tilts and turns of the body (S1)."
                : "The joint warm-up comes first, shortened for a short session (S1).");

            var cardioExercise = PickCardio();
            SessionUnit? cardio = null;
            if (cardioExercise is null)
            {
                if (_gentlest)
                {
                    joint = joint with { Dose = Dose.Timed(jointSeconds + (full ? 120 : 60)) };
                }
                _warnings.Add("The warm-up has no cardio part: " + (_gentlest
                    ? "it is left out of the gentlest session, so the joint warm-up is longer (S1)."
                    : "no light cardio suits your health or level."));
            }
            else
            {
                var cardioSeconds = full ? CardioMinSeconds : RoundTo5(Math.Max(MinShortWarmUpPartSeconds, CardioMinSeconds * share));
                cardio = new SessionUnit(cardioExercise, Dose.Timed(cardioSeconds), full
                    ? "5-7 minutes of light cardio warm the muscles before stretching (S1)."
                    : "Light cardio warms the muscles, shortened for a short session (S1).");
            }
            return new WarmUpPlan(joint, extras, cardio);
        }

        private Exercise? PickCardio()
        {
            if (_gentlest) return null;
            var extraCare = request.Conditions.Contains(Condition.Cardiovascular) || request.Conditions.Contains(Condition.Respiratory);
            var options = CardioSlugs
                .Where(slug => !extraCare || slug == GentleCardioSlug)
                .Select(slug => builder._bySlug[slug])
                .Where(e => Unsuitability(e) is null && ContraindicationScreen.ExclusionReason(e, request, explicitlyIncluded: false) is null)
                .ToList();
            return options.Count == 0 ? null : options[_random.Next(options.Count)];
        }

        /// <summary>
        /// Fills the main block's time: what the person asked for first, then their focus regions,
        /// then the rest, each group in a seeded random order; a unit is taken when it still fits.
        /// </summary>
        private List<SessionUnit> SelectMain(List<SessionUnit> pool, int budget)
        {
            var ranked = pool.Where(u => request.Include.Contains(u.Exercise.Slug))
                .OrderBy(u => IndexOf(request.Include, u.Exercise.Slug))
                .Concat(Shuffle(pool.Where(u => !request.Include.Contains(u.Exercise.Slug) && MatchesFocus(u))))
                .Concat(Shuffle(pool.Where(u => !request.Include.Contains(u.Exercise.Slug) && !MatchesFocus(u))))
                .ToList();

            // Kept in ranked order (what to repeat first) and in play order (what the rests depend on).
            var selected = new List<SessionUnit>();
            var ordered = new List<SessionUnit>();
            foreach (var unit in ranked)
            {
                var at = PlayPosition(ordered, unit);
                ordered.Insert(at, unit);
                if (request.Include.Contains(unit.Exercise.Slug) || RestScheduler.Length(ordered) <= budget)
                {
                    selected.Add(unit);
                }
                else
                {
                    ordered.RemoveAt(at);
                }
            }
            if (!IsShort && CoverThreeRegions(selected, ranked, budget))
            {
                ordered = [.. Order(selected)];
            }
            RepeatWhileTimeRemains(selected, ordered, budget);
            return selected;
        }

        /// <summary>Where a unit goes in play order: after every unit that plays before or with it (see <see cref="Order"/>).</summary>
        private static int PlayPosition(List<SessionUnit> ordered, SessionUnit unit)
        {
            var key = PlayKey(unit.Exercise);
            var at = ordered.Count;
            while (at > 0 && PlayKey(ordered[at - 1].Exercise) > key) at--;
            return at;
        }

        /// <summary>
        /// D7: an exercise that feels good may be repeated 2-3 more times. When the eligible exercises
        /// run out before the time does, the picks are repeated as extra sets, in the same order of preference.
        /// </summary>
        private static void RepeatWhileTimeRemains(List<SessionUnit> selected, List<SessionUnit> ordered, int budget)
        {
            for (var sets = 2; sets <= MaxSetsOfARepeatedExercise; sets++)
            {
                for (var i = 0; i < selected.Count; i++)
                {
                    if (selected[i].Sets != sets - 1) continue;
                    var at = ordered.FindIndex(u => ReferenceEquals(u, selected[i]));
                    var repeated = selected[i] with { Sets = sets, IsRepeat = true };
                    ordered[at] = repeated;
                    if (RestScheduler.Length(ordered) <= budget)
                    {
                        selected[i] = repeated;
                    }
                    else
                    {
                        ordered[at] = selected[i];
                    }
                }
            }
        }

        /// <summary>
        /// A session of 30 minutes or more covers at least three regions, swapping out the last picks if
        /// needed. Returns whether the selection changed.
        /// </summary>
        private bool CoverThreeRegions(List<SessionUnit> selected, List<SessionUnit> ranked, int budget)
        {
            const int minRegions = 3;
            var changed = false;
            foreach (var candidate in ranked.Where(u => !selected.Contains(u)))
            {
                var covered = selected.SelectMany(u => u.Exercise.Regions).ToHashSet();
                if (covered.Count >= minRegions) break;
                if (candidate.Exercise.Regions.All(covered.Contains)) continue;

                var trial = new List<SessionUnit>(selected) { candidate };
                for (var i = trial.Count - 2; i >= 0 && MainLength(trial) > budget; i--)
                {
                    if (!request.Include.Contains(trial[i].Exercise.Slug)) trial.RemoveAt(i);
                }
                if (MainLength(trial) <= budget && trial.SelectMany(u => u.Exercise.Regions).Distinct().Count() > covered.Count)
                {
                    selected.Clear();
                    selected.AddRange(trial);
                    changed = true;
                }
            }
            return changed;
        }

        private static int MainLength(IEnumerable<SessionUnit> units) => RestScheduler.Length([.. Order(units)]);

        private bool MatchesFocus(SessionUnit unit) => unit.Exercise.Regions.Any(request.Focus.Contains);

        private IEnumerable<SessionUnit> Shuffle(IEnumerable<SessionUnit> units)
        {
            var list = units.ToArray();
            _random.Shuffle(list);
            return list;
        }

        private static int IndexOf(IReadOnlyList<string> slugs, string slug) => slugs.ToList().IndexOf(slug);

        private static int RoundTo5(double seconds) => (int)Math.Round(seconds / 5) * 5;
    }

    /// <summary>S3 then position order: stretches by position, lower-back strengthening last (also by position).</summary>
    public static IEnumerable<SessionUnit> Order(IEnumerable<SessionUnit> units) => units.OrderBy(u => PlayKey(u.Exercise));

    /// <summary>Lower-back strengthening after everything else, then by position; OrderBy is stable, so ties keep the pick order.</summary>
    private static int PlayKey(Exercise exercise) =>
        (IsLowerBackStrength(exercise) ? 100 : 0) + PositionOrder.Rank(exercise.Position);

    public static bool IsLowerBackStrength(Exercise exercise) =>
        exercise.Kind == ExerciseKind.Strength && exercise.Regions.Contains(Region.Lumbar);

    private sealed record WarmUpPlan(SessionUnit Joint, IReadOnlyList<SessionUnit> Extras, SessionUnit? Cardio)
    {
        public IEnumerable<SessionUnit> Units => Cardio is null ? [Joint, .. Extras] : [Joint, .. Extras, Cardio];

        public WarmUpPlan WithCardio(SessionUnit cardio) => this with { Cardio = cardio };
    }
}
