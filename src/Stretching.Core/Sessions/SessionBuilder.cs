using Stretching.Core.Catalog;

namespace Stretching.Core.Sessions;

/// <summary>
/// Builds a session from the catalog by the rules of domain-rules.md: warm-up first (S1), a main
/// block ordered by position with lower-back strengthening last (S3) and rests (S2), a cool-down of
/// rolls and the embryo pose (S4), dosed by level (D1-D4) and screened for safety by the rules table.
/// The same request and seed always give the same session, and leaving one item out changes only
/// that item.
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
    private const int MinRegionsOfALongSession = 3;

    private readonly IReadOnlyList<Exercise> _catalog;
    private readonly IReadOnlyDictionary<string, Exercise> _bySlug;

    public SessionBuilder(IReadOnlyList<Exercise> catalog)
    {
        _catalog = catalog.OrderBy(e => e.Slug, StringComparer.Ordinal).ToList();
        _bySlug = _catalog.ToDictionary(e => e.Slug);
        foreach (var slug in SessionStructure.AllSlugs)
        {
            if (!_bySlug.ContainsKey(slug)) throw new ArgumentException($"The catalog lacks '{slug}', which sessions need.", nameof(catalog));
        }
    }

    public bool Contains(string slug) => _bySlug.ContainsKey(slug);

    public SessionResult Build(SessionRequest request)
    {
        if (ContraindicationScreen.Refuse(request) is { } refusal) return new SessionResult.Refused(refusal);

        var seed = request.Seed ?? Random.Shared.Next();
        return new SessionResult.Built(new Plan(request, seed, this).Build());
    }

    /// <summary>
    /// The one way from input to session: validate what was bound from a query string or a JSON body
    /// (with any problems found while binding it), then build.
    /// </summary>
    /// <param name="personalise">What a person's history adds to a valid request (their progression, D7); none for an anonymous build.</param>
    public SessionResult Build(SessionInput input, IReadOnlyDictionary<string, string[]>? bindingProblems = null, Func<SessionRequest, SessionRequest>? personalise = null)
    {
        var request = input.ToRequest(Contains, out var problems);
        if (bindingProblems is { Count: > 0 })
        {
            // Every problem at once: what could not be read, then what the rest of the input gets wrong.
            return new SessionResult.Invalid(bindingProblems.Concat(problems.Where(p => !bindingProblems.ContainsKey(p.Key))).ToDictionary());
        }
        if (request is null) return new SessionResult.Invalid(problems);
        return Build(personalise is null ? request : personalise(request));
    }

    /// <summary>
    /// The exercises the main set may pick for this person without being asked to: they suit the
    /// level, equipment and health of <paramref name="request"/> with nothing to take care over, and
    /// were not left out. The weekly planner balances a week's sessions with them.
    /// </summary>
    public IReadOnlyList<Exercise> MainCandidates(SessionRequest request) =>
        new Plan(request with { Include = [] }, seed: 0, this).Screen().MainPool
            .Select(unit => unit.Exercise)
            .Where(exercise => !request.Exclude.Contains(exercise.Slug))
            .ToList();

    /// <summary>Why an exercise was not eligible, counted to explain a session that comes out short.</summary>
    private enum ShortfallCause { Health, Equipment, Level, LeftOut }

    /// <summary>Everything one build needs, kept together so the builder itself stays stateless.</summary>
    private sealed class Plan(SessionRequest request, int seed, SessionBuilder builder)
    {
        // Each decision draws from its own stream, so that leaving out the cardio does not reshuffle the main set.
        private readonly Random _cardioRandom = new(unchecked(seed * 31 + 1));
        private readonly Random _mainRandom = new(unchecked(seed * 31 + 2));
        private readonly bool _gentlest = ContraindicationScreen.NeedsGentlestSession(request);
        private readonly List<ExcludedExercise> _excluded = [];
        private readonly List<string> _warnings = [.. ContraindicationScreen.Warnings(request)];
        private readonly Dictionary<ShortfallCause, int> _shortfall = [];
        private readonly int _target = request.Minutes * 60;

        private Level Level => _gentlest ? Level.Beginner : request.Level;

        private bool IsShort => request.Minutes < FullWarmUpFromMinutes;

        public Session Build()
        {
            var (mainPool, warmUpExtras) = Screen();

            // The main set is sized by the structure the person would get without their leave-outs, so
            // leaving out a fixed part never changes the main set's picks.
            var planned = Structure(warmUpExtras, honourLeaveOuts: false, avoid: new HashSet<string>());
            var main = SelectMain(mainPool, _target - planned.Seconds);
            var structure = Structure(warmUpExtras, honourLeaveOuts: true, avoid: main.Select(u => u.Exercise.Slug).ToHashSet(), report: true);
            var mainItems = RestScheduler.Schedule(Order(main), structure.Rest);
            structure = AbsorbGap(structure, _target - structure.Seconds - mainItems.Sum(i => i.Seconds));

            var blocks = new List<(BlockKind, List<SessionItem>)>
            {
                (BlockKind.WarmUp, structure.WarmUp.SelectMany(u => u.Items()).ToList()),
                (BlockKind.Main, mainItems),
                (BlockKind.CoolDown, structure.CoolDown.SelectMany(u => u.Items()).ToList()),
            };
            AddLengthWarnings(blocks.Sum(b => b.Item2.Sum(i => i.Seconds)));
            return Timeline.Assemble(request.Minutes, seed, blocks, _excluded, _warnings);
        }

        /// <summary>Uses leftover time with the two flexible parts: longer cardio (S1: 5-7 min), then a longer final pose.</summary>
        private Structure AbsorbGap(Structure structure, int gap)
        {
            if (structure.Cardio is { } cardio && !IsShort && gap > 0)
            {
                var extra = Math.Min(gap, CardioMaxSeconds - cardio.Dose.Seconds!.Value);
                structure = structure with { Cardio = cardio with { Dose = Dose.Timed(cardio.Dose.Seconds!.Value + extra) } };
                gap -= extra;
            }
            if (gap > 0 && structure.FinalPose is { } final)
            {
                structure = structure with { FinalPose = final with { Dose = Dose.Held(Math.Min(FinalPoseMaxSeconds, FinalPoseMinSeconds + gap)) } };
            }
            return structure;
        }

        private void AddLengthWarnings(int totalSeconds)
        {
            if (IsShort)
            {
                _warnings.Add("A full session takes 30-50 minutes; a short one like this keeps the habit going.");
            }
            if (Math.Abs(totalSeconds - _target) <= _target * Tolerance) return;
            if (totalSeconds > _target)
            {
                _warnings.Add($"The session runs {totalSeconds / 60} minutes, longer than the {request.Minutes} asked, to fit the exercises you added.");
                return;
            }
            var causes = new List<string>();
            if (_shortfall.GetValueOrDefault(ShortfallCause.Health) is > 0 and var health) causes.Add($"your health conditions rule out or need care with {health} of them");
            if (_shortfall.GetValueOrDefault(ShortfallCause.Equipment) is > 0 and var equipment) causes.Add($"{equipment} need equipment you did not tick");
            if (_shortfall.GetValueOrDefault(ShortfallCause.Level) is > 0 and var level) causes.Add($"{level} are above your level");
            if (_shortfall.GetValueOrDefault(ShortfallCause.LeftOut) is > 0 and var leftOut) causes.Add($"you left out {leftOut}");
            _warnings.Add($"Only {totalSeconds / 60} of {request.Minutes} minutes could be filled with different exercises"
                + (causes.Count == 0 ? "." : $": {string.Join("; ", causes)}."));
        }

        /// <summary>
        /// Sorts the catalog into the main pool and the warm-up extras, recording every safety exclusion.
        /// Exercises the person left out stay in the pool so the main set can be picked as if they were
        /// there, and only their own places refilled.
        /// </summary>
        public (List<SessionUnit> MainPool, List<SessionUnit> WarmUpExtras) Screen()
        {
            var mainPool = new List<SessionUnit>();
            var warmUpExtras = new List<SessionUnit>();
            foreach (var exercise in builder._catalog)
            {
                if (SessionStructure.IsStructural(exercise.Slug)) continue;
                var isIncluded = request.Include.Contains(exercise.Slug);
                if (!isIncluded && exercise.Kind == ExerciseKind.WarmUp) continue;

                if (Unsuitability(exercise) is { } unsuitable)
                {
                    if (isIncluded) Exclude(exercise, unsuitable.Reason, warn: true);
                    else _shortfall[unsuitable.Cause] = _shortfall.GetValueOrDefault(unsuitable.Cause) + 1;
                    continue;
                }
                if (ContraindicationScreen.ExclusionReason(exercise, request, isIncluded) is { } reason)
                {
                    Exclude(exercise, reason, warn: isIncluded);
                    _shortfall[ShortfallCause.Health] = _shortfall.GetValueOrDefault(ShortfallCause.Health) + 1;
                    continue;
                }
                if (request.Exclude.Contains(exercise.Slug))
                {
                    Exclude(exercise, LeftOutReason(exercise.Slug), warn: false);
                    _shortfall[ShortfallCause.LeftOut] = _shortfall.GetValueOrDefault(ShortfallCause.LeftOut) + 1;
                    if (exercise.Kind == ExerciseKind.WarmUp) continue;
                }

                var unit = new SessionUnit(exercise, DoseFor(exercise), MainReason(exercise, isIncluded));
                (exercise.Kind == ExerciseKind.WarmUp ? warmUpExtras : mainPool).Add(unit);
            }
            return (mainPool, warmUpExtras);
        }

        /// <summary>The level's dose, or the person's own (a progression) kept within the level's limits.</summary>
        private Dose DoseFor(Exercise exercise) =>
            request.DoseOverrides.TryGetValue(exercise.Slug, out var asked) && DosageRules.Fit(exercise, Level, asked) is { } fitted
                ? fitted
                : DosageRules.For(exercise, Level);

        private string LeftOutReason(string slug) => request.ExcludeReasons.GetValueOrDefault(slug) ?? "You left it out.";

        private string TakesThePlaceOf(Exercise leftOut) =>
            request.ExcludeReasons.GetValueOrDefault(leftOut.Slug) is { } reason
                ? $"It takes the place of {leftOut.Name.ToLowerInvariant()}: {reason}"
                : $"It takes the place of {leftOut.Name.ToLowerInvariant()}, which you left out.";

        /// <summary>Why an exercise does not fit this person's level, equipment or mode; null when it does.</summary>
        private (string Reason, ShortfallCause Cause)? Unsuitability(Exercise exercise)
        {
            if (!DosageRules.CanDose(exercise)) return ("Only with a doctor's guidance; it has no set dose.", ShortfallCause.Level);
            if (exercise.Level > Level) return ($"It is a {Vocabulary.Label(exercise.Level).ToLowerInvariant()} exercise.", ShortfallCause.Level);
            var missing = exercise.Equipment.Where(e => !request.Equipment.Contains(e)).ToList();
            if (missing.Count > 0)
            {
                return ($"It needs {string.Join(", ", missing.Select(m => Vocabulary.Label(m).ToLowerInvariant()))}.", ShortfallCause.Equipment);
            }
            if (_gentlest && exercise.Kind is ExerciseKind.Strength or ExerciseKind.Traction)
            {
                return ("Strength and traction work is left out of the gentlest session.", ShortfallCause.Health);
            }
            return null;
        }

        private void Exclude(Exercise exercise, string reason, bool warn)
        {
            if (_excluded.Any(e => e.Slug == exercise.Slug)) return;
            _excluded.Add(new ExcludedExercise(exercise.Slug, exercise.Name, reason));
            if (warn) _warnings.Add($"{exercise.Name} could not be added: {reason}");
        }

        private string MainReason(Exercise exercise, bool isIncluded)
        {
            var reason = isIncluded ? "You asked for it."
                : IsLowerBackStrength(exercise) ? "Lower-back strengthening comes last in the main block, so those muscles stay fresh to protect the spine."
                : exercise.Regions.Where(request.Focus.Contains).ToList() is { Count: > 0 } focus ? $"Works your focus: {Labels(focus)}."
                : $"Adds {Labels(exercise.Regions)} for a balanced session.";
            var care = isIncluded ? ContraindicationScreen.CareNotes(exercise, request).ToList() : [];
            return care.Count == 0 ? reason : $"{reason} {string.Join(" ", care)} Go gently and stop if it hurts.";
        }

        private static string Labels(IEnumerable<Region> regions) =>
            string.Join(", ", regions.Select(r => Vocabulary.Label(r).ToLowerInvariant()));

        /// <summary>
        /// The fixed parts of the session. With <paramref name="honourLeaveOuts"/> false it is the
        /// structure the person would get without leaving anything out, used to size the main set.
        /// </summary>
        private Structure Structure(List<SessionUnit> warmUpExtras, bool honourLeaveOuts, IReadOnlySet<string> avoid, bool report = false)
        {
            var chosen = new HashSet<string>(avoid);
            var joint = PickFor(StructuralRole.JointWarmUp, honourLeaveOuts, chosen, report);
            var full = !IsShort;
            var share = Math.Min(1.0, request.Minutes / (double)FullWarmUpFromMinutes);
            SessionUnit? jointUnit = null;
            if (joint.Exercise is { } jointExercise)
            {
                var seconds = full ? FullJointWarmUpSeconds : RoundTo5(Math.Max(DosageRules.MinTimedSeconds, FullJointWarmUpSeconds * share));
                var dose = jointExercise.Slug == JointWarmUpSlug ? Dose.Timed(seconds) : DosageRules.For(jointExercise, Level);
                jointUnit = new SessionUnit(jointExercise, dose, joint.Note(
                    full ? "The joint warm-up comes first: easy twists, tilts and turns of the body."
                        : "The joint warm-up comes first, shortened for a short session.",
                    "In place of the joint warm-up, a gentle exercise starts the session.",
                    "The joint warm-up is left out"));
            }
            if (report && jointUnit is null)
            {
                _warnings.Add("No joint warm-up suits your health and equipment: start with a few minutes of slow, easy breathing and small, comfortable movements.");
            }

            var (cardioExercise, cardioNote) = PickCardio(honourLeaveOuts);
            SessionUnit? cardio = null;
            if (cardioExercise is null)
            {
                // Only the articles' own joint warm-up is timed, so only it can take the cardio's minutes.
                var longerJointWarmUp = _gentlest && jointUnit is { Exercise.Slug: JointWarmUpSlug };
                if (longerJointWarmUp)
                {
                    jointUnit = jointUnit! with { Dose = Dose.Timed(jointUnit.Dose.Seconds!.Value + (full ? 120 : 60)) };
                }
                if (report)
                {
                    _warnings.Add("The warm-up has no cardio part: " + (!_gentlest
                        ? "no light cardio suits your health, equipment or level."
                        : longerJointWarmUp ? "it is left out of the gentlest session, so the joint warm-up is longer."
                        : "it is left out of the gentlest session."));
                }
            }
            else
            {
                var cardioSeconds = full ? CardioMinSeconds : RoundTo5(Math.Max(DosageRules.MinTimedSeconds, CardioMinSeconds * share));
                cardio = new SessionUnit(cardioExercise, Dose.Timed(cardioSeconds), Note(full
                    ? "5-7 minutes of light cardio warm the muscles before stretching."
                    : "Light cardio warms the muscles, shortened for a short session.",
                    string.Join(" ", ContraindicationScreen.CareNotes(cardioExercise, request).Prepend(cardioNote ?? "")).Trim() is { Length: > 0 } notes ? notes : null));
            }

            var rest = PickFor(StructuralRole.Rest, honourLeaveOuts, chosen, report);
            var rolls = PickFor(StructuralRole.Rolls, honourLeaveOuts, chosen, report);
            chosen.Remove(rest.Exercise?.Slug ?? "");
            var final = PickFor(StructuralRole.FinalPose, honourLeaveOuts, chosen, report);

            SessionUnit? rollsUnit = rolls.Exercise is { } rollsExercise
                ? new SessionUnit(rollsExercise, rollsExercise.Slug == RollsSlug ? new Dose(null, RollCount, null) : DosageRules.For(rollsExercise, Level),
                    rolls.Note(
                        "About 10 rolls on the rounded back release it after the work.",
                        "In place of the rolls on the back, a gentle exercise eases the back after the work.",
                        "The rolls are left out"))
                : null;
            SessionUnit? finalUnit = final.Exercise is { } finalExercise
                ? new SessionUnit(finalExercise, Dose.Held(FinalPoseMinSeconds), final.Note(
                    "A resting curl closes the session: at least a minute, arms forward, then alongside the body.",
                    "In place of child's pose, the session ends calmly with this for at least a minute.",
                    "Child's pose is left out"))
                : null;
            if (report)
            {
                if (rest.Exercise is null) _warnings.Add("No rest pose suits your health and equipment: pause for half a minute of easy breathing every 5-7 minutes.");
                if (rollsUnit is null || finalUnit is null) _warnings.Add("No cool-down pose suits your health and equipment: end with a few minutes of slow breathing, sitting or lying comfortably.");
            }

            return new Structure(jointUnit, warmUpExtras.Where(u => !honourLeaveOuts || !request.Exclude.Contains(u.Exercise.Slug)).ToList(),
                cardio, rest.Exercise is { } restExercise ? new RestPose(restExercise, rest.Note()) : null, rollsUnit, finalUnit);
        }

        /// <summary>
        /// The first candidate for a fixed part that suits the person with nothing to take care over,
        /// preferring one not already playing elsewhere. What needs care with one of their conditions
        /// never fills a fixed part unless the person added it themselves (then it says why), as the
        /// safety pages promise; when nothing suits, the part is left out and the caller says so. When
        /// the articles' own choice cannot be used, the pick says why; a choice ruled out for health is
        /// also listed among the exclusions.
        /// </summary>
        private StructuralPick PickFor(StructuralRole role, bool honourLeaveOuts, HashSet<string> chosen, bool report)
        {
            var candidates = SessionStructure.Candidates[role].Select(slug => builder._bySlug[slug]).ToList();
            var usual = candidates[0];
            var whyNotUsual = WhyNotStructural(usual, honourLeaveOuts);
            var usable = candidates.Where(e => WhyNotStructural(e, honourLeaveOuts) is null).ToList();
            var pick = usable.FirstOrDefault(e => e == usual || !chosen.Contains(e.Slug)) ?? usable.FirstOrDefault();
            if (report && pick != usual) Exclude(usual, whyNotUsual!, warn: false);
            if (pick is null) return new StructuralPick(null, usual, whyNotUsual, []);

            chosen.Add(pick.Slug);
            var care = ContraindicationScreen.CareNotes(pick, request).ToList();
            if (care.Count > 0) care.Add("Go gently and stop if it hurts.");
            return new StructuralPick(pick, usual, pick == usual ? null : whyNotUsual, care);
        }

        private string? WhyNotStructural(Exercise exercise, bool honourLeaveOuts) =>
            honourLeaveOuts && request.Exclude.Contains(exercise.Slug) ? LeftOutReason(exercise.Slug)
            : Unsuitability(exercise)?.Reason
            ?? ContraindicationScreen.ExclusionReason(exercise, request, explicitlyIncluded: request.Include.Contains(exercise.Slug));

        /// <summary>
        /// The cardio options that suit the person, in one seeded order drawn once, so that leaving out
        /// the cardio moves only the cardio. The gentle option alone with heart or lung disease (H2).
        /// </summary>
        private IReadOnlyList<Exercise> CardioOrder => _cardioOrder ??= DrawCardioOrder();
        private IReadOnlyList<Exercise>? _cardioOrder;

        private Exercise[] DrawCardioOrder()
        {
            if (_gentlest) return [];
            var extraCare = request.Conditions.Contains(Condition.Cardiovascular) || request.Conditions.Contains(Condition.Respiratory);
            var options = CardioSlugs
                .Where(slug => !extraCare || slug == GentleCardioSlug)
                .Select(slug => builder._bySlug[slug])
                .Where(e => Unsuitability(e) is null && ContraindicationScreen.ExclusionReason(e, request, request.Include.Contains(e.Slug)) is null)
                .ToArray();
            _cardioRandom.Shuffle(options);
            return options;
        }

        private (Exercise? Exercise, string? Note) PickCardio(bool honourLeaveOuts)
        {
            var pick = CardioOrder.FirstOrDefault(e => !honourLeaveOuts || !request.Exclude.Contains(e.Slug));
            return pick is null || pick == CardioOrder[0]
                ? (pick, null)
                : (pick, TakesThePlaceOf(CardioOrder[0]));
        }

        /// <summary>
        /// Fills the main block's time: what the person asked for first, then their focus regions,
        /// then the rest, each group in a seeded random order with preferred exercises ahead; a unit
        /// is taken when it still fits. Then each exercise the person left out gives its place to
        /// the next one that fits.
        /// </summary>
        private List<SessionUnit> SelectMain(List<SessionUnit> pool, int budget)
        {
            var others = pool.Where(u => !request.Include.Contains(u.Exercise.Slug)).ToList();
            // An empty group draws nothing from the random stream, so without preferences the pick is unchanged.
            IEnumerable<SessionUnit> Group(bool focus, bool preferred) =>
                Shuffle(others.Where(u => MatchesFocus(u) == focus && request.Prefer.Contains(u.Exercise.Slug) == preferred));
            var ranked = pool.Where(u => request.Include.Contains(u.Exercise.Slug))
                .OrderBy(u => IndexOf(request.Include, u.Exercise.Slug))
                .Concat(Group(focus: true, preferred: true))
                .Concat(Group(focus: true, preferred: false))
                .Concat(Group(focus: false, preferred: true))
                .Concat(Group(focus: false, preferred: false))
                .ToList();

            var selected = Fill(ranked, budget);
            // Leave-outs apply one after another, in the order they were made, each to the session the
            // earlier ones gave; so leaving out one more exercise replaces only that one, even when it
            // was itself standing in for an earlier leave-out.
            var leftOutSoFar = new HashSet<string>();
            foreach (var slug in request.Exclude)
            {
                leftOutSoFar.Add(slug);
                var at = selected.FindIndex(u => u.Exercise.Slug == slug);
                if (at < 0) continue;
                var leftOut = selected[at];
                selected.RemoveAt(at);
                var regionsBefore = Math.Min(MinRegionsOfALongSession, RegionCount([.. selected, leftOut]));
                var fitting = ranked
                    .Where(c => !leftOutSoFar.Contains(c.Exercise.Slug) && selected.All(u => u.Exercise.Slug != c.Exercise.Slug))
                    .Where(c => MainLength([.. selected, c]) <= budget)
                    .ToList();
                var replacement = fitting.FirstOrDefault(c => RegionCount([.. selected, c]) >= regionsBefore) ?? fitting.FirstOrDefault();
                if (replacement is not null)
                {
                    selected.Insert(at, replacement with { Reason = $"{replacement.Reason} {TakesThePlaceOf(leftOut.Exercise)}" });
                }
            }
            RepeatWhileTimeRemains(selected, [.. Order(selected)], budget);
            return selected;
        }

        private List<SessionUnit> Fill(List<SessionUnit> ranked, int budget)
        {
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
            if (!IsShort)
            {
                CoverThreeRegions(selected, ranked, budget);
            }
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

        /// <summary>A session of 30 minutes or more covers at least three regions, swapping out the last picks if needed.</summary>
        private void CoverThreeRegions(List<SessionUnit> selected, List<SessionUnit> ranked, int budget)
        {
            foreach (var candidate in ranked.Where(u => !selected.Contains(u)))
            {
                var covered = selected.SelectMany(u => u.Exercise.Regions).ToHashSet();
                if (covered.Count >= MinRegionsOfALongSession) break;
                if (candidate.Exercise.Regions.All(covered.Contains)) continue;

                var trial = new List<SessionUnit>(selected) { candidate };
                for (var i = trial.Count - 2; i >= 0 && MainLength(trial) > budget; i--)
                {
                    if (!request.Include.Contains(trial[i].Exercise.Slug)) trial.RemoveAt(i);
                }
                if (MainLength(trial) <= budget && RegionCount(trial) > covered.Count)
                {
                    selected.Clear();
                    selected.AddRange(trial);
                }
            }
        }

        private static int RegionCount(IEnumerable<SessionUnit> units) => units.SelectMany(u => u.Exercise.Regions).Distinct().Count();

        private static int MainLength(IEnumerable<SessionUnit> units) => RestScheduler.Length(Order(units));

        private bool MatchesFocus(SessionUnit unit) => unit.Exercise.Regions.Any(request.Focus.Contains);

        private IEnumerable<SessionUnit> Shuffle(IEnumerable<SessionUnit> units)
        {
            var list = units.ToArray();
            _mainRandom.Shuffle(list);
            return list;
        }

        private static int IndexOf(IReadOnlyList<string> slugs, string slug) => slugs.ToList().IndexOf(slug);

        private static int RoundTo5(double seconds) => (int)Math.Round(seconds / 5) * 5;

        private static string Note(string reason, string? note) => note is null ? reason : $"{reason} {note}";
    }

    /// <summary>S3 then position order: stretches by position, lower-back strengthening last (also by position).</summary>
    public static IEnumerable<SessionUnit> Order(IEnumerable<SessionUnit> units) => units.OrderBy(u => PlayKey(u.Exercise));

    /// <summary>Lower-back strengthening after everything else, then by position; OrderBy is stable, so ties keep the pick order.</summary>
    private static int PlayKey(Exercise exercise) =>
        (IsLowerBackStrength(exercise) ? 100 : 0) + PositionOrder.Rank(exercise.Position);

    public static bool IsLowerBackStrength(Exercise exercise) =>
        exercise.Kind == ExerciseKind.Strength && exercise.Regions.Contains(Region.Lumbar);

    /// <summary>
    /// What fills one fixed part: the exercise (null when nothing suits), the articles' usual choice and
    /// why it was not used when a stand-in plays, and the care notes of an exercise the person added
    /// themselves although it needs care.
    /// </summary>
    private sealed record StructuralPick(Exercise? Exercise, Exercise Usual, string? WhyNotUsual, IReadOnlyList<string> Care)
    {
        private bool IsStandIn => Exercise is not null && Exercise != Usual;

        /// <summary>The note of a rest: it says what a stand-in replaces and why, and what needs care; null when nothing.</summary>
        public string? Note() =>
            Join((IsStandIn ? [$"It takes the place of {Usual.Name.ToLowerInvariant()}: {WhyNotUsual}"] : Array.Empty<string>()).Concat(Care));

        /// <summary>
        /// The note of a timed fixed part: what the usual exercise does, or, for a stand-in, a sentence
        /// written for it and why the usual one is left out; then what needs care.
        /// </summary>
        public string Note(string usual, string standIn, string usualLeftOut) =>
            Join((IsStandIn ? [standIn, $"{usualLeftOut}: {WhyNotUsual}"] : new[] { usual }).Concat(Care))!;

        private static string? Join(IEnumerable<string> sentences) => sentences.ToList() is { Count: > 0 } all ? string.Join(" ", all) : null;
    }

    /// <summary>The fixed parts around the main set; any may be missing when nothing suits the person.</summary>
    private sealed record Structure(
        SessionUnit? Joint, IReadOnlyList<SessionUnit> WarmUpExtras, SessionUnit? Cardio, RestPose? Rest, SessionUnit? Rolls, SessionUnit? FinalPose)
    {
        public IEnumerable<SessionUnit> WarmUp => new[] { Joint }.Concat(WarmUpExtras).Append(Cardio).OfType<SessionUnit>();

        public IEnumerable<SessionUnit> CoolDown => new[] { Rolls, FinalPose }.OfType<SessionUnit>();

        public int Seconds => WarmUp.Concat(CoolDown).Sum(u => u.Seconds);
    }
}
